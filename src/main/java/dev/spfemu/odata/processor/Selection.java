package dev.spfemu.odata.processor;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.Projection;
import dev.spfemu.model.EntityTypeModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.uri.SelectItem;

/**
 * {@code $select} as parsed: the projection it asks for or, when it names something the emulator
 * cannot project, that error. The error is thrown only when the response is shaped, where it has
 * always been reported, so errors found before that (406, a bad {@code $skiptoken}) and requests
 * that write no entities answer as they did.
 */
final class Selection {

  /** No {@code $select}: every property. */
  static final Selection ALL = new Selection(Projection.ALL, null);

  private final Projection projection;
  private final ServiceException error;

  private Selection(Projection projection, ServiceException error) {
    this.projection = projection;
    this.error = error;
  }

  /**
   * The selection of Olingo's parsed {@code items} (null or empty: none) on {@code type};
   * {@code clause} is the option as the request wrote it, for {@code odata.metadata}.
   */
  static Selection of(EntityTypeModel type, List<SelectItem> items, String clause) {
    try {
      return new Selection(projection(type, items, clause), null);
    } catch (ServiceException e) {
      return new Selection(null, e);
    }
  }

  private static Projection projection(EntityTypeModel type, List<SelectItem> items, String clause) {
    if (items == null || items.isEmpty()) {
      return Projection.ALL;
    }
    List<String> names = new ArrayList<>();
    for (SelectItem item : items) {
      if (item.isStar()) {
        return Projection.ALL;
      }
      if (!item.getNavigationPropertySegments().isEmpty()) {
        throw VmmErrors.invalidQuery("$select of navigation properties is not supported.");
      }
      try {
        names.add(item.getProperty().getName());
      } catch (EdmException e) {
        throw VmmErrors.invalidQuery("$select names a property that cannot be resolved.");
      }
    }
    return Projection.of(type, names, clause);
  }

  /** The properties the response carries; throws the error {@code $select} was found to have. */
  Projection projection() {
    if (error != null) {
      throw error;
    }
    return projection;
  }
}
