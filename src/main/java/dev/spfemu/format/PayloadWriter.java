package dev.spfemu.format;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import java.io.IOException;
import java.io.OutputStream;

/** Writes response bodies in one format, streaming straight to the response. */
public interface PayloadWriter {

  void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection) throws IOException;

  void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, FeedPage page) throws IOException;

  /** A single property ({@code VMCheckPoints(…)/Name}); {@code value} may be null. */
  void writeProperty(OutputStream out, ServiceUrls urls, PropertyModel property, Object value) throws IOException;

  void writeServiceDocument(OutputStream out, ServiceUrls urls, ServiceModel model) throws IOException;

  void writeError(OutputStream out, ServiceException error) throws IOException;
}
