package dev.spfemu.format;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import java.util.List;

/**
 * Which properties a response carries: all of them, or those {@code $select} names (written in
 * model order whatever the order of {@code $select}).
 */
public final class Projection {

  /** Every property: no {@code $select}, or {@code $select=*}. */
  public static final Projection ALL = new Projection(null, null);

  private final boolean[] selected;
  private final String clause;

  private Projection(boolean[] selected, String clause) {
    this.selected = selected;
    this.clause = clause;
  }

  /** The properties named in {@code $select}, as the request wrote it (for {@code odata.metadata}). */
  public static Projection of(EntityTypeModel type, List<String> names, String clause) {
    boolean[] selected = new boolean[type.propertyCount()];
    for (String name : names) {
      PropertyModel property = type.property(name);
      if (property != null) {
        selected[property.index()] = true;
      }
    }
    return new Projection(selected, clause);
  }

  public boolean includes(PropertyModel property) {
    return selected == null || selected[property.index()];
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
