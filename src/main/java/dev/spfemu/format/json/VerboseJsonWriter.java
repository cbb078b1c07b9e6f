package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.error.ServiceException;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the v1/v2 ("verbose") JSON format: {@code {"d":…}}, each entity with {@code __metadata}.
 * A feed is a bare array in a 1.0 response and {@code {"results":[…]}} from 2.0 on (with
 * {@code __count} and {@code __next}), as WCF Data Services writes them; dates are
 * {@code \/Date(ms)\/}.
 */
public final class VerboseJsonWriter implements PayloadWriter {

  private final JsonFactory factory;

  public VerboseJsonWriter(JsonFactory factory) {
    this.factory = factory;
  }

  @Override
  public void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("d");
      writeEntity(g, urls, type, entity, projection);
      g.writeEndObject();
    }
  }

  @Override
  public void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, FeedPage page)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      boolean wrapped = page.version().atLeast(ProtocolVersion.V2);
      if (wrapped) {
        g.writeObjectFieldStart("d");
        if (page.count() != null) {
          g.writeStringField("__count", page.count().toString());
        }
        g.writeArrayFieldStart("results");
      } else {
        g.writeArrayFieldStart("d");
      }
      for (EntityValues entity : page.entities()) {
        writeEntity(g, urls, type, entity, page.projection());
      }
      g.writeEndArray();
      if (wrapped) {
        if (page.nextLink() != null) {
          g.writeStringField("__next", page.nextLink());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  private static void writeEntity(JsonGenerator g, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection) throws IOException {
    g.writeStartObject();
    String url = urls.entityUrl(type, entity);
    g.writeObjectFieldStart("__metadata");
    g.writeStringField("id", url);
    g.writeStringField("uri", url);
    g.writeStringField("type", type.qualifiedName());
    g.writeEndObject();
    for (PropertyModel property : type.properties()) {
      if (projection.includes(property)) {
        writeValue(g, property, entity.value(property.index()));
      }
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, PropertyModel property, Object value) throws IOException {
    g.writeFieldName(property.name());
    writeShaped(g, property, value);
  }

  /** Complex values carry {@code __metadata}; collections are {@code {"__metadata":…,"results":[…]}}. */
  private static void writeShaped(JsonGenerator g, PropertyModel property, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (property.collection()) {
      g.writeStartObject();
      g.writeObjectFieldStart("__metadata");
      g.writeStringField("type", property.typeName());
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      for (Object element : (List<?>) value) {
        writeElement(g, property, element);
      }
      g.writeEndArray();
      g.writeEndObject();
    } else {
      writeElement(g, property, value);
    }
  }

  private static void writeElement(JsonGenerator g, PropertyModel property, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (property.complex() != null) {
      ComplexValue complex = (ComplexValue) value;
      g.writeStartObject();
      g.writeObjectFieldStart("__metadata");
      g.writeStringField("type", property.complex().qualifiedName());
      g.writeEndObject();
      for (PropertyModel member : property.complex().properties()) {
        writeValue(g, member, complex.value(member.index()));
      }
      g.writeEndObject();
    } else {
      PrimitiveCodecs.of(property.kind()).writeVerboseJson(g, value);
    }
  }

  @Override
  public void writeProperty(OutputStream out, ServiceUrls urls, PropertyModel property, Object value)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("d");
      writeValue(g, property, value);
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  @Override
  public void writeServiceDocument(OutputStream out, ServiceUrls urls, ServiceModel model) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("d");
      g.writeArrayFieldStart("EntitySets");
      for (EntityTypeModel type : model.entityTypes()) {
        g.writeString(type.entitySet());
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  @Override
  public void writeError(OutputStream out, ServiceException error) throws IOException {
    JsonErrors.write(factory, out, "error", error);
  }
}
