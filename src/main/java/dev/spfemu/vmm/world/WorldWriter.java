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
    write(out, List.of());
  }

  /**
   * Writes every subscription of this writer's store, then {@code sections}: the parts of the world
   * that belong to other web services (SPF's Admin service), which {@link WorldLoader#loadSection}
   * reads back.
   */
  public void write(OutputStream out, List<Section> sections) throws IOException {
    try (JsonGenerator g = json.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("subscriptions");
      for (String subscription : store.subscriptions().stream().sorted().toList()) {
        g.writeStartObject();
        g.writeStringField("id", subscription);
        g.writeObjectFieldStart("entities");
        writeEntities(g, subscription);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      for (Section section : sections) {
        section.write(g);
      }
      g.writeEndObject();
    }
  }

  /** This writer's store partition {@code scope} as the section {@code {"<name>": {"entities": {...}}}}. */
  public Section section(String name, String scope) {
    return g -> {
      g.writeObjectFieldStart(name);
      g.writeObjectFieldStart("entities");
      writeEntities(g, scope);
      g.writeEndObject();
      g.writeEndObject();
    };
  }

  /** The entity sets of one store partition that hold anything, as fields of the current object. */
  private void writeEntities(JsonGenerator g, String partition) throws IOException {
    for (EntityTypeModel type : model.entityTypes()) {
      List<EntityRecord> records = store.list(partition, type.entitySet());
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
  }

  /** A part of a world file beside the subscriptions, written into the open top-level object. */
  @FunctionalInterface
  public interface Section {
    void write(JsonGenerator g) throws IOException;
  }
}
