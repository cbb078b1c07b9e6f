package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.error.ServiceException;
import dev.spfemu.format.Entry;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes OData v3 JSON light at one metadata level, as WCF Data Services 5 does: the
 * {@code odata.metadata} URL first (unless {@code nometadata}), then each entity's members as
 * {@link JsonLightEntity} writes them. An entry's or a feed's {@code odata.metadata} names the entity
 * set of its entities, also when they were reached through a navigation property.
 */
public final class JsonLightWriter implements PayloadWriter {

  private final JsonFactory factory;
  private final MetadataLevel level;

  public JsonLightWriter(JsonFactory factory, MetadataLevel level) {
    this.factory = factory;
    this.level = level;
  }

  @Override
  public void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, Entry entry) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (level != MetadataLevel.NONE) {
        g.writeStringField("odata.metadata", urls.metadata() + "#" + type.entitySet() + "/@Element"
            + selectSuffix(entry.projection()));
      }
      new JsonLightEntity(level).writeMembers(g, urls, type, entry.entity(), entry.projection(), entry.related());
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
      JsonLightEntity entities = new JsonLightEntity(level); // its buffers serve the whole page
      for (EntityValues entity : page.entities()) {
        entities.writeObject(g, urls, type, entity, page.projection(), page.related());
      }
      g.writeEndArray();
      if (page.nextLink() != null) {
        g.writeStringField("odata.nextLink", page.nextLink());
      }
      g.writeEndObject();
    }
  }

  /**
   * {@code {"odata.metadata":"…#VirtualMachines/$links/VirtualNetworkAdapters","value":[{"url":…}]}},
   * or {@code "url"} beside {@code odata.metadata} for a single link, as ODataLib writes entity
   * reference links.
   */
  @Override
  public void writeLinks(OutputStream out, ServiceUrls urls, NavigationModel navigation, FeedPage page,
      boolean single) throws IOException {
    EntityTypeModel target = navigation.target();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (level != MetadataLevel.NONE) {
        g.writeStringField("odata.metadata", urls.metadata() + "#" + navigation.source().entitySet() + "/$links/"
            + navigation.name());
      }
      if (single) {
        g.writeStringField("url", urls.entityUrl(target, page.entities().get(0)));
      } else {
        if (page.count() != null) {
          g.writeStringField("odata.count", page.count().toString());
        }
        g.writeArrayFieldStart("value");
        for (EntityValues entity : page.entities()) {
          g.writeStartObject();
          g.writeStringField("url", urls.entityUrl(target, entity));
          g.writeEndObject();
        }
        g.writeEndArray();
        if (page.nextLink() != null) {
          g.writeStringField("odata.nextLink", page.nextLink());
        }
      }
      g.writeEndObject();
    }
  }

  private static String selectSuffix(Projection projection) {
    return projection.isPartial() ? "&$select=" + projection.clause() : "";
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
        JsonLightEntity.writeValue(g, property, value);
      }
      g.writeEndObject();
    }
  }

  @Override
  public void writeServiceDocument(OutputStream out, ServiceUrls urls, List<EntityTypeModel> sets)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (level != MetadataLevel.NONE) {
        g.writeStringField("odata.metadata", urls.metadata());
      }
      g.writeArrayFieldStart("value");
      for (EntityTypeModel type : sets) {
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
