package dev.spfemu.odata.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.format.json.JsonEntityReader;
import dev.spfemu.format.json.JsonLightWriter;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.vmm.world.EntityJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * World files' entities in JSON light without annotations, read and written by the same reader and
 * writer as request and response bodies.
 */
public final class WorldEntityJson implements EntityJson {

  /** A world file holds no URLs: entities are written as if under an empty service root. */
  private static final ServiceUrls NO_URLS = new ServiceUrls("");

  private final JsonEntityReader reader;
  private final PayloadWriter writer;

  public WorldEntityJson() {
    JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    this.reader = new JsonEntityReader(json);
    this.writer = new JsonLightWriter(json, MetadataLevel.NONE);
  }

  @Override
  public EntityPayload read(byte[] json, EntityTypeModel type) {
    return reader.read(json, type);
  }

  @Override
  public void write(OutputStream out, EntityTypeModel type, EntityValues values) throws IOException {
    writer.writeEntry(out, NO_URLS, type, values, Projection.ALL);
  }
}
