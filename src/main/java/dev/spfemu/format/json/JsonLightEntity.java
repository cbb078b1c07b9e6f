package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.Projection;
import dev.spfemu.format.RelatedEntities;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueChars;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.StoredValues;
import dev.spfemu.model.StreamModel;
import java.io.IOException;
import java.util.List;

/**
 * One entity's members in JSON light at one metadata level, in the order WCF Data Services 5 writes
 * them (its serializer writes an entry's navigation links before it hands ODataLib the properties):
 * at {@code fullmetadata} {@code odata.type}, {@code odata.id} and {@code odata.editLink}; then each
 * navigation property, as {@code Nav@odata.navigationLinkUrl} (full metadata only, relative to the
 * service root) followed, when expanded, by its value inline (an array, an object, or null for a
 * to-one leading nowhere); then the properties in model order, each value preceded by its
 * {@code Prop@odata.type} where full metadata needs one, and the named streams in their place among
 * them (minimal and full metadata, without {@code $select}).
 */
final class JsonLightEntity {

  private final MetadataLevel level;
  /**
   * Where {@link #writeStored} puts a value's parts and text: one pair per payload (the writers are
   * shared by every request, so the buffers cannot be theirs), not a few objects per value.
   */
  private final long[] parts = new long[3];
  private final char[] chars = new char[128];

  /** One per payload written: see {@link #chars}. */
  JsonLightEntity(MetadataLevel level) {
    this.level = level;
  }

  /** Writes the entity's members into the object already started. */
  void writeMembers(JsonGenerator g, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection, RelatedEntities related) throws IOException {
    if (level == MetadataLevel.FULL) {
      g.writeStringField("odata.type", type.qualifiedName());
      g.writeStringField("odata.id", urls.entityUrl(type, entity));
      g.writeStringField("odata.editLink", ServiceUrls.entityPath(type, entity));
    }
    for (NavigationModel navigation : type.navigation()) {
      if (projection.includesLink(navigation)) {
        writeNavigation(g, urls, type, entity, navigation, projection.expansion(navigation), related);
      }
    }
    List<StreamModel> streams = level == MetadataLevel.NONE || !projection.includesStreams() ? List.of() : type.streams();
    int nextStream = 0;
    for (PropertyModel property : type.properties()) {
      while (nextStream < streams.size() && streams.get(nextStream).position() == property.index()) {
        writeStream(g, type, entity, streams.get(nextStream++));
      }
      if (!projection.includes(property)) {
        continue;
      }
      if (entity instanceof StoredValues stored && !type.isSecret(property) && writeStored(g, type, stored, property)) {
        continue; // written from its stored form
      }
      Object value = type.writtenValue(entity, property);
      if (value != null) {
        writeTypeAnnotation(g, property);
      }
      g.writeFieldName(type.jsonName(property));
      writeValue(g, property, value);
    }
    while (nextStream < streams.size()) {
      writeStream(g, type, entity, streams.get(nextStream++));
    }
  }

  /**
   * A named stream, which has no value: {@code Name@odata.mediaContentType} at minimal metadata (as
   * real SPF writes {@code VMConnection}), preceded at full metadata by its read link, relative to the
   * service root as {@code odata.editLink} is. It is read-only, so there is no edit link.
   */
  private void writeStream(JsonGenerator g, EntityTypeModel type, EntityValues entity, StreamModel stream)
      throws IOException {
    if (level == MetadataLevel.FULL) {
      g.writeStringField(stream.name() + "@odata.mediaReadLink",
          ServiceUrls.entityPath(type, entity) + "/" + stream.name());
    }
    g.writeStringField(stream.name() + "@odata.mediaContentType", stream.contentType());
  }

  private void writeNavigation(JsonGenerator g, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      NavigationModel navigation, Projection expansion, RelatedEntities related) throws IOException {
    if (level == MetadataLevel.FULL) {
      g.writeStringField(navigation.name() + "@odata.navigationLinkUrl",
          ServiceUrls.navigationPath(type, entity, navigation));
    }
    if (expansion == null) {
      return; // a link only: minimal and no metadata leave it to the client's conventions
    }
    g.writeFieldName(navigation.name());
    List<? extends EntityValues> targets = related.of(entity, navigation);
    if (navigation.many()) {
      g.writeStartArray();
      for (EntityValues target : targets) {
        writeObject(g, urls, navigation.target(), target, expansion, related);
      }
      g.writeEndArray();
    } else if (targets.isEmpty()) {
      g.writeNull();
    } else {
      writeObject(g, urls, navigation.target(), targets.get(0), expansion, related);
    }
  }

  /** The entity as a JSON object. */
  void writeObject(JsonGenerator g, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection, RelatedEntities related) throws IOException {
    g.writeStartObject();
    writeMembers(g, urls, type, entity, projection, related);
    g.writeEndObject();
  }

  /**
   * Writes a GUID, time or Latin-1 string from its stored form, without the objects {@link #writeValue}
   * needs, as it would write it: false when the value is null or kept in another form, which
   * {@link #writeValue} then writes ({@code StoredValuesWriterTest} compares the two).
   */
  private boolean writeStored(JsonGenerator g, EntityTypeModel type, StoredValues stored, PropertyModel property)
      throws IOException {
    if (!property.isPrimitive()) {
      return false;
    }
    int index = property.index();
    int length = switch (property.kind()) {
      case GUID -> stored.guid(index, parts) ? ValueChars.guid(parts[0], parts[1], chars) : -1;
      case DATE_TIME, DATE_TIME_OFFSET ->
          stored.time(index, parts) ? ValueChars.dateTime(parts[0], (int) parts[1], (int) parts[2], chars) : -1;
      case STRING -> stored.latin1(index, chars);
      default -> -1;
    };
    if (length < 0) {
      return false;
    }
    writeTypeAnnotation(g, property);
    g.writeFieldName(type.jsonName(property));
    g.writeString(chars, 0, length);
    return true;
  }

  /** Full metadata's {@code Prop@odata.type} before a value (not null) whose JSON form does not show its type. */
  private void writeTypeAnnotation(JsonGenerator g, PropertyModel property) throws IOException {
    if (level == MetadataLevel.FULL && annotated(property)) {
      g.writeStringField(property.name() + "@odata.type", property.typeName());
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
}
