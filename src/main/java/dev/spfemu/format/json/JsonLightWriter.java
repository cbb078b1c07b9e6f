package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.error.ServiceException;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.Projection;
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
 * Writes OData v3 JSON light at one metadata level, as WCF Data Services 5 does: the
 * {@code odata.metadata} URL first (unless {@code nometadata}), then the properties in model order.
 * At {@code fullmetadata} each entity also carries {@code odata.type}, {@code odata.id},
 * {@code odata.editLink} and a {@code Prop@odata.type} for values whose JSON form hides their type.
 */
public final class JsonLightWriter implements PayloadWriter {

  private final JsonFactory factory;
  private final MetadataLevel level;

  public JsonLightWriter(JsonFactory factory, MetadataLevel level) {
    this.factory = factory;
    this.level = level;
  }

  @Override
  public void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (level != MetadataLevel.NONE) {
        g.writeStringField("odata.metadata", urls.metadata() + "#" + type.entitySet() + "/@Element"
            + selectSuffix(projection));
      }
      writeProperties(g, urls, type, entity, projection);
      g.writeEndObject();
    }
  }

  @Override
  public void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, FeedPage page)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (level != MetadataLevel.NONE) {
        g.writeStringField("odata.metadata", urls.metadata() + "#" + type.entitySet()
            + selectSuffix(page.projection()));
      }
      if (page.count() != null) {
        g.writeStringField("odata.count", page.count().toString()); // a string, as in OData v3
      }
      g.writeArrayFieldStart("value");
      for (EntityValues entity : page.entities()) {
        g.writeStartObject();
        writeProperties(g, urls, type, entity, page.projection());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (page.nextLink() != null) {
        g.writeStringField("odata.nextLink", page.nextLink());
      }
      g.writeEndObject();
    }
  }

  private static String selectSuffix(Projection projection) {
    return projection.isPartial() ? "&$select=" + projection.clause() : "";
  }

  private void writeProperties(JsonGenerator g, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection) throws IOException {
    if (level == MetadataLevel.FULL) {
      String url = urls.entityUrl(type, entity);
      g.writeStringField("odata.type", type.qualifiedName());
      g.writeStringField("odata.id", url);
      g.writeStringField("odata.editLink", ServiceUrls.entityPath(type, entity));
    }
    for (PropertyModel property : type.properties()) {
      if (!projection.includes(property)) {
        continue;
      }
      Object value = entity.value(property.index());
      if (level == MetadataLevel.FULL && value != null && annotated(property)) {
        g.writeStringField(property.name() + "@odata.type", property.typeName());
      }
      g.writeFieldName(property.name());
      writeValue(g, property, value);
    }
  }

  /** Whether full metadata annotates the property's type: when its JSON form does not show it. */
  private static boolean annotated(PropertyModel property) {
    return property.collection() || property.complex() != null
        || PrimitiveCodecs.of(property.kind()).annotatedInFullMetadata();
  }

  /** A value of any shape: primitive, complex ({@code {…}}) or collection ({@code […]}). */
  static void writeValue(JsonGenerator g, PropertyModel property, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (property.collection()) {
      g.writeStartArray();
      for (Object element : (List<?>) value) {
        writeElement(g, property, element);
      }
      g.writeEndArray();
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
      for (PropertyModel member : property.complex().properties()) {
        g.writeFieldName(member.name());
        writeValue(g, member, complex.value(member.index()));
      }
      g.writeEndObject();
    } else {
      PrimitiveCodecs.of(property.kind()).writeJson(g, value);
    }
  }

  @Override
  public void writeProperty(OutputStream out, ServiceUrls urls, PropertyModel property, Object value)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (level != MetadataLevel.NONE) {
        g.writeStringField("odata.metadata", urls.metadata() + "#" + property.typeName());
      }
      if (value == null) {
        g.writeBooleanField("odata.null", true);
      } else {
        g.writeFieldName("value");
        writeValue(g, property, value);
      }
      g.writeEndObject();
    }
  }

  @Override
  public void writeServiceDocument(OutputStream out, ServiceUrls urls, ServiceModel model) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (level != MetadataLevel.NONE) {
        g.writeStringField("odata.metadata", urls.metadata());
      }
      g.writeArrayFieldStart("value");
      for (EntityTypeModel type : model.entityTypes()) {
        g.writeStartObject();
        g.writeStringField("name", type.entitySet());
        g.writeStringField("url", type.entitySet());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  @Override
  public void writeError(OutputStream out, ServiceException error) throws IOException {
    JsonErrors.write(factory, out, "odata.error", error);
  }
}
