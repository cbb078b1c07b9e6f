package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.Projection;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code $select} and {@code $expand} together, as WCF Data Services combines them, from paths of
 * names ({@code VirtualNetworkAdapters/Name}) to the {@link Projection} the writers follow:
 * <ul>
 *   <li>without {@code $select}, every property and navigation property is written, the expanded
 *       ones inline with all their properties;</li>
 *   <li>{@code $select} names properties, {@code *}, and navigation properties: a selected
 *       navigation property is written as a link, or inline if it is expanded;
 *       {@code Nav/Prop} selects within an expanded navigation property (and is refused when
 *       {@code Nav} is not expanded, with WCF Data Services' message);</li>
 *   <li>an expanded navigation property that a {@code $select} at its level leaves out is not
 *       written [I].</li>
 * </ul>
 * The names have been checked against the EDM by Olingo already; this class only combines them.
 */
final class ExpandSelect {

  private ExpandSelect() {
  }

  /**
   * The projection of {@code type}'s entities.
   *
   * @param select the {@code $select} paths (empty: no {@code $select})
   * @param expand the {@code $expand} paths
   * @param clause the {@code $select} option as the request wrote it
   */
  static Projection projection(EntityTypeModel type, List<List<String>> select, List<List<String>> expand,
      String clause) {
    return build(type, select, tree(type, expand), clause);
  }

  /** The expand paths as a tree: each navigation property with what is expanded below it. */
  private static Map<NavigationModel, List<List<String>>> tree(EntityTypeModel type, List<List<String>> expand) {
    Map<NavigationModel, List<List<String>>> tree = new LinkedHashMap<>();
    for (List<String> path : expand) {
      NavigationModel navigation = navigation(type, path.get(0));
      List<List<String>> below = tree.computeIfAbsent(navigation, n -> new ArrayList<>());
      if (path.size() > 1) {
        below.add(path.subList(1, path.size()));
      }
    }
    return tree;
  }

  private static Projection build(EntityTypeModel type, List<List<String>> select,
      Map<NavigationModel, List<List<String>>> expanded, String clause) {
    if (select.isEmpty()) {
      Map<NavigationModel, Projection> inline = new LinkedHashMap<>();
      expanded.forEach((navigation, below) ->
          inline.put(navigation, build(navigation.target(), List.of(), tree(navigation.target(), below), null)));
      return Projection.expanding(inline);
    }
    boolean star = false;
    List<String> properties = new ArrayList<>();
    Set<NavigationModel> links = new LinkedHashSet<>();
    Map<NavigationModel, List<List<String>>> within = new LinkedHashMap<>();
    Set<NavigationModel> whole = new LinkedHashSet<>();
    for (List<String> path : select) {
      String first = path.get(0);
      NavigationModel navigation = type.navigation(first);
      if (first.equals("*")) {
        star = true;
      } else if (navigation == null) {
        properties.add(first);
      } else if (path.size() == 1) {
        links.add(navigation);
        whole.add(navigation);
      } else if (!expanded.containsKey(navigation)) {
        throw VmmErrors.invalidQuery("Only properties specified in $expand can be traversed in $select query"
            + " options. Selected item: '" + String.join("/", path) + "'.");
      } else {
        links.add(navigation);
        within.computeIfAbsent(navigation, n -> new ArrayList<>()).add(path.subList(1, path.size()));
      }
    }
    Map<NavigationModel, Projection> inline = new LinkedHashMap<>();
    for (Map.Entry<NavigationModel, List<List<String>>> entry : expanded.entrySet()) {
      NavigationModel navigation = entry.getKey();
      if (star || links.contains(navigation)) {
        List<List<String>> inner = whole.contains(navigation) ? List.of() : within.getOrDefault(navigation, List.of());
        inline.put(navigation, build(navigation.target(), inner, tree(navigation.target(), entry.getValue()), null));
      }
    }
    if (star) {
      return Projection.expanding(inline);
    }
    return Projection.select(type, properties, links, inline, clause);
  }

  private static NavigationModel navigation(EntityTypeModel type, String name) {
    NavigationModel navigation = type.navigation(name);
    if (navigation == null) {
      throw VmmErrors.invalidQuery("'" + name + "' is not a navigation property of " + type.qualifiedName()
          + "; only navigation properties can be expanded.");
    }
    return navigation;
  }
}
