package dev.spfemu.format;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes response bodies in one format, streaming straight to the response. */
public interface PayloadWriter {

  /** An entry expanding nothing, such as a create's answer. */
  default void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection) throws IOException {
    writeEntry(out, urls, type, new Entry(entity, projection, RelatedEntities.NONE, ProtocolVersion.V1));
  }

  void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, Entry entry) throws IOException;

  void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, FeedPage page) throws IOException;

  /**
   * The links of a navigation property ({@code VirtualMachines(…)/$links/VirtualNetworkAdapters}):
   * the absolute URLs of the page's entities, or of its one entity when {@code single} (a to-one
   * navigation, or a key after a to-many one).
   */
  void writeLinks(OutputStream out, ServiceUrls urls, NavigationModel navigation, FeedPage page, boolean single)
      throws IOException;

  /** A single property ({@code VMCheckPoints(…)/Name}); {@code value} may be null. */
  void writeProperty(OutputStream out, ServiceUrls urls, PropertyModel property, Object value) throws IOException;

  /** The service document, listing {@code sets} (those the caller may see). */
  void writeServiceDocument(OutputStream out, ServiceUrls urls, List<EntityTypeModel> sets) throws IOException;

  void writeError(OutputStream out, ServiceException error) throws IOException;
}
