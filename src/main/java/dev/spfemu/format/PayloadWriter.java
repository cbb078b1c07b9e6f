package dev.spfemu.format;

import dev.spfemu.error.ODataException;
import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.odata.edm.ServiceModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes response bodies in one format, streaming straight to the response. */
public interface PayloadWriter {

  void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, EntityValues entity)
      throws IOException;

  void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, List<? extends EntityValues> entities,
      ProtocolVersion version) throws IOException;

  void writeServiceDocument(OutputStream out, ServiceUrls urls, ServiceModel model) throws IOException;

  void writeError(OutputStream out, ODataException error) throws IOException;
}
