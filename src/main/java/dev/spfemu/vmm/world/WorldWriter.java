package dev.spfemu.vmm.world;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the whole store as a world file (docs/scenario.md), which {@link WorldLoader} reads back:
 * each entity as a JSON light body without annotations, every value as stored, so an export
 * imported again gives the same state.
 */
public final class WorldWriter {

  private final ServiceModel model;
  private final EntityStore store;
  private final JsonFactory json;
  private final EntityJson entities;

  public WorldWriter(ServiceModel model, EntityStore store, JsonFactory json, EntityJson entities) {
    this.model = model;
    this.store = store;
    this.json = json;
    this.entities = entities;
  }

  public void write(OutputStream out) throws IOException {
    try (JsonGenerator g = json.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("subscriptions");
      for (String subscription : store.subscriptions().stream().sorted().toList()) {
        g.writeStartObject();
        g.writeStringField("id", subscription);
        g.writeObjectFieldStart("entities");
        for (EntityTypeModel type : model.entityTypes()) {
          List<EntityRecord> records = store.list(subscription, type.entitySet());
          if (records.isEmpty()) {
            continue;
          }
          g.writeArrayFieldStart(type.entitySet());
          for (EntityRecord record : records.stream().sorted((a, b) -> a.key().toString().compareTo(b.key().toString()))
              .toList()) {
            ByteArrayOutputStream entity = new ByteArrayOutputStream();
            entities.write(entity, type, record::value);
            g.writeRawValue(entity.toString(StandardCharsets.UTF_8));
          }
          g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
