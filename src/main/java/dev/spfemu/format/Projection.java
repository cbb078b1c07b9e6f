package dev.spfemu.format;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a response writes of each entity, as {@code $select} and {@code $expand} ask: which
 * properties (all, or those {@code $select} names, written in model order whatever the order of
 * {@code $select}), which navigation properties (all, or the selected ones) and, of those, which are
 * expanded, each with the projection of the entities it leads to. Navigation properties not
 * expanded are written as links.
 */
public final class Projection {

  /** Every property and every navigation property as a link: no {@code $select}, no {@code $expand}. */
  public static final Projection ALL = new Projection(null, null, Map.of(), null);

  private final boolean[] selected;
  private final Set<NavigationModel> links;
  private final Map<NavigationModel, Projection> expanded;
  private final String clause;

  private Projection(boolean[] selected, Set<NavigationModel> links, Map<NavigationModel, Projection> expanded,
      String clause) {
    this.selected = selected;
    this.links = links;
    this.expanded = expanded;
    this.clause = clause;
  }

  /** The properties named in {@code $select}, as the request wrote it (for {@code odata.metadata}). */
  public static Projection of(EntityTypeModel type, List<String> names, String clause) {
    return select(type, names, List.of(), Map.of(), clause);
  }

  /**
   * A {@code $select}: the properties and navigation properties it names, the navigation properties
   * among those that are also expanded with the projection of their entities.
   *
   * @param clause the {@code $select} option as the request wrote it
   */
  public static Projection select(EntityTypeModel type, Collection<String> properties,
      Collection<NavigationModel> links, Map<NavigationModel, Projection> expanded, String clause) {
    boolean[] selected = new boolean[type.propertyCount()];
    for (String name : properties) {
      PropertyModel property = type.property(name);
      if (property != null) {
        selected[property.index()] = true;
      }
    }
    return new Projection(selected, Set.copyOf(links), ordered(expanded), clause);
  }

  /** Every property and navigation property, the navigation properties in {@code expanded} written inline. */
  public static Projection expanding(Map<NavigationModel, Projection> expanded) {
    return expanded.isEmpty() ? ALL : new Projection(null, null, ordered(expanded), null);
  }

  private static Map<NavigationModel, Projection> ordered(Map<NavigationModel, Projection> expanded) {
    return expanded.isEmpty() ? Map.of() : new LinkedHashMap<>(expanded);
  }

  public boolean includes(PropertyModel property) {
    return selected == null || selected[property.index()];
  }

  /**
   * Whether the entity's named streams are written: without {@code $select} (a stream cannot be
   * selected, as Olingo's EDM does not declare it).
   */
  public boolean includesStreams() {
    return selected == null;
  }

  /** Whether the navigation property is written, as a link or expanded. */
  public boolean includesLink(NavigationModel navigation) {
    return links == null || links.contains(navigation) || expanded.containsKey(navigation);
  }

  /** The projection of the entities {@code navigation} leads to when it is expanded, else null. */
  public Projection expansion(NavigationModel navigation) {
    return expanded.get(navigation);
  }

  /** Whether anything is expanded. */
  public boolean hasExpansions() {
    return !expanded.isEmpty();
  }

  /** Whether this is a real projection (a v2 feature). */
  public boolean isPartial() {
    return selected != null;
  }

  /** The {@code $select} clause as requested, or null for {@link #ALL}. */
  public String clause() {
    return clause;
  }
}
