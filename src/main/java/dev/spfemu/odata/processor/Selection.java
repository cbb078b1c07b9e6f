package dev.spfemu.odata.processor;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.Projection;
import dev.spfemu.model.EntityTypeModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.uri.NavigationPropertySegment;
import org.apache.olingo.odata2.api.uri.SelectItem;

/**
 * {@code $select} and {@code $expand} as parsed: the projection they ask for ({@link ExpandSelect})
 * or, when they name something the emulator cannot project, that error. The error is thrown only
 * when the response is shaped, where it has always been reported, so errors found before that (406,
 * a bad {@code $skiptoken}) and requests that write no entities answer as they did.
 */
final class Selection {

  /** No {@code $select}, no {@code $expand}: every property. */
  static final Selection ALL = new Selection(Projection.ALL, null);

  private final Projection projection;
  private final ServiceException error;

  private Selection(Projection projection, ServiceException error) {
    this.projection = projection;
    this.error = error;
  }

  /** The selection of Olingo's parsed {@code $select} {@code items} alone (null or empty: none). */
  static Selection of(EntityTypeModel type, List<SelectItem> items, String clause) {
    return of(type, items, null, clause);
  }

  /**
   * The selection of Olingo's parsed {@code $select} {@code items} and {@code $expand} paths (null or
   * empty: none) on {@code type}; {@code clause} is the {@code $select} option as the request wrote
   * it, for {@code odata.metadata}.
   */
  static Selection of(EntityTypeModel type, List<SelectItem> items,
      List<? extends List<NavigationPropertySegment>> expand, String clause) {
    if ((items == null || items.isEmpty()) && (expand == null || expand.isEmpty())) {
      return ALL;
    }
    try {
      return new Selection(ExpandSelect.projection(type, selectPaths(items), expandPaths(expand), clause), null);
    } catch (ServiceException e) {
      return new Selection(null, e);
    }
  }

  private static List<List<String>> selectPaths(List<SelectItem> items) {
    List<List<String>> paths = new ArrayList<>();
    if (items == null) {
      return paths;
    }
    try {
      for (SelectItem item : items) {
        List<String> path = new ArrayList<>();
        for (NavigationPropertySegment segment : item.getNavigationPropertySegments()) {
          path.add(segment.getNavigationProperty().getName());
        }
        if (item.isStar()) {
          path.add("*");
        } else if (item.getProperty() != null) {
          path.add(item.getProperty().getName());
        }
        paths.add(path);
      }
    } catch (EdmException e) {
      throw VmmErrors.invalidQuery("$select names a property that cannot be resolved.");
    }
    return paths;
  }

  private static List<List<String>> expandPaths(List<? extends List<NavigationPropertySegment>> expand) {
    List<List<String>> paths = new ArrayList<>();
    if (expand == null) {
      return paths;
    }
    try {
      for (List<NavigationPropertySegment> segments : expand) {
        List<String> path = new ArrayList<>();
        for (NavigationPropertySegment segment : segments) {
          path.add(segment.getNavigationProperty().getName());
        }
        paths.add(path);
      }
    } catch (EdmException e) {
      throw VmmErrors.invalidQuery("$expand names a navigation property that cannot be resolved.");
    }
    return paths;
  }

  /** The properties the response carries; throws the error {@code $select} was found to have. */
  Projection projection() {
    if (error != null) {
      throw error;
    }
    return projection;
  }
}
