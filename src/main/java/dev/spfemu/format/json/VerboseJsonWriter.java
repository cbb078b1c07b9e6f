package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.error.ServiceException;
import dev.spfemu.format.Entry;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the v1/v2 ("verbose") JSON format: {@code {"d":…}}, each entity as {@link VerboseEntity}
 * writes it. A feed is a bare array in a 1.0 response and {@code {"results":[…]}} from 2.0 on (with
 * {@code __count} and {@code __next}), as WCF Data Services writes them; dates are
 * {@code \/Date(ms)\/}.
 */
public final class VerboseJsonWriter implements PayloadWriter {

  private final JsonFactory factory;

  public VerboseJsonWriter(JsonFactory factory) {
    this.factory = factory;
  }

  @Override
  public void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, Entry entry) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("d");
      VerboseEntity.write(g, urls, type, entry.entity(), entry.projection(), entry.related(), entry.version());
      g.writeEndObject();
    }
  }

  @Override
  public void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, FeedPage page)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      boolean wrapped = startCollection(g, page);
      for (EntityValues entity : page.entities()) {
        VerboseEntity.write(g, urls, type, entity, page.projection(), page.related(), page.version());
      }
      endCollection(g, page, wrapped);
    }
  }

  /**
   * {@code {"d":[{"uri":…}]}} ({@code {"d":{"results":[…]}}} from 2.0 on), or {@code {"d":{"uri":…}}}
   * for a single link, as WCF Data Services writes links in JSON.
   */
  @Override
  public void writeLinks(OutputStream out, ServiceUrls urls, NavigationModel navigation, FeedPage page,
      boolean single) throws IOException {
    EntityTypeModel target = navigation.target();
    try (JsonGenerator g = factory.createGenerator(out)) {
      if (single) {
        g.writeStartObject();
        g.writeObjectFieldStart("d");
        g.writeStringField("uri", urls.entityUrl(target, page.entities().get(0)));
        g.writeEndObject();
        g.writeEndObject();
        return;
      }
      boolean wrapped = startCollection(g, page);
      for (EntityValues entity : page.entities()) {
        g.writeStartObject();
        g.writeStringField("uri", urls.entityUrl(target, entity));
        g.writeEndObject();
      }
      endCollection(g, page, wrapped);
    }
  }

  /** Opens {@code {"d":[} or, from 2.0 on, {@code {"d":{"__count":…,"results":[}; returns which. */
  private static boolean startCollection(JsonGenerator g, FeedPage page) throws IOException {
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
    return wrapped;
  }

  private static void endCollection(JsonGenerator g, FeedPage page, boolean wrapped) throws IOException {
    g.writeEndArray();
    if (wrapped) {
      if (page.nextLink() != null) {
        g.writeStringField("__next", page.nextLink());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  @Override
  public void writeProperty(OutputStream out, ServiceUrls urls, PropertyModel property, Object value)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("d");
      VerboseEntity.writeValue(g, property, value);
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  @Override
  public void writeServiceDocument(OutputStream out, ServiceUrls urls, List<EntityTypeModel> sets)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("d");
      g.writeArrayFieldStart("EntitySets");
      for (EntityTypeModel type : sets) {
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
