package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RelatedEntities;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.StreamModel;
import java.io.IOException;
import java.util.List;

/**
 * One entity in verbose JSON, in the order WCF Data Services 5 writes it: {@code __metadata}, then
 * each navigation property ({@code {"__deferred":{"uri":…}}} with the absolute URL, or, expanded,
 * the related entities: {@code {"results":[…]}} from version 2.0 on, a bare array in a 1.0 response,
 * the entity or null for a to-one), then the properties in model order, with the named streams in
 * their place in a 3.0 response.
 */
final class VerboseEntity {

  private VerboseEntity() {
  }

  static void write(JsonGenerator g, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection, RelatedEntities related, ProtocolVersion version) throws IOException {
    g.writeStartObject();
    String url = urls.entityUrl(type, entity);
    g.writeObjectFieldStart("__metadata");
    g.writeStringField("id", url);
    g.writeStringField("uri", url);
    g.writeStringField("type", type.qualifiedName());
    g.writeEndObject();
    for (NavigationModel navigation : type.navigation()) {
      if (projection.includesLink(navigation)) {
        g.writeFieldName(navigation.name());
        Projection expansion = projection.expansion(navigation);
        if (expansion == null) {
          g.writeStartObject();
          g.writeObjectFieldStart("__deferred");
          g.writeStringField("uri", url + "/" + navigation.name());
          g.writeEndObject();
          g.writeEndObject();
        } else {
          writeExpanded(g, urls, navigation, related.of(entity, navigation), expansion, related, version);
        }
      }
    }
    List<StreamModel> streams = version.atLeast(ProtocolVersion.V3) && projection.includesStreams()
        ? type.streams() : List.of();
    int nextStream = 0;
    for (PropertyModel property : type.properties()) {
      while (nextStream < streams.size() && streams.get(nextStream).position() == property.index()) {
        writeStream(g, url, streams.get(nextStream++));
      }
      if (projection.includes(property)) {
        writeValue(g, property, type.writtenValue(entity, property));
      }
    }
    while (nextStream < streams.size()) {
      writeStream(g, url, streams.get(nextStream++));
    }
    g.writeEndObject();
  }

  /**
   * A named stream, a v3 feature (so only in a 3.0 response): {@code {"__mediaresource":{"media_src":…,
   * "content_type":…}}}, read-only, so without {@code edit_media}.
   */
  private static void writeStream(JsonGenerator g, String entityUrl, StreamModel stream) throws IOException {
    g.writeObjectFieldStart(stream.name());
    g.writeObjectFieldStart("__mediaresource");
    g.writeStringField("media_src", entityUrl + "/" + stream.name());
    g.writeStringField("content_type", stream.contentType());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeExpanded(JsonGenerator g, ServiceUrls urls, NavigationModel navigation,
      List<? extends EntityValues> targets, Projection expansion, RelatedEntities related, ProtocolVersion version)
      throws IOException {
    if (!navigation.many()) {
      if (targets.isEmpty()) {
        g.writeNull();
      } else {
        write(g, urls, navigation.target(), targets.get(0), expansion, related, version);
      }
      return;
    }
    boolean wrapped = version.atLeast(ProtocolVersion.V2);
    if (wrapped) {
      g.writeStartObject();
      g.writeArrayFieldStart("results");
    } else {
      g.writeStartArray();
    }
    for (EntityValues target : targets) {
      write(g, urls, navigation.target(), target, expansion, related, version);
    }
    g.writeEndArray();
    if (wrapped) {
      g.writeEndObject();
    }
  }

  static void writeValue(JsonGenerator g, PropertyModel property, Object value) throws IOException {
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
}
