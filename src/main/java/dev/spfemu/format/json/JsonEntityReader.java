package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.EntityReader;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads an entity from a JSON request body, JSON light or verbose, streaming with Jackson.
 *
 * <p>One reader serves both dialects because request bodies differ only in annotations: JSON light
 * has {@code odata.type} and {@code Prop@odata.type} (null values annotated {@code Edm.String}
 * whatever their type, which clients do and WCF Data Services accepts), verbose has
 * {@code __metadata}. A verbose body wrapped in {@code {"d":…}} is unwrapped. Annotations are not
 * trusted: the model's type decides how a value is read, so {@code Prop@odata.type} (even a wrong one,
 * such as {@code Edm.String} on a null of another type), {@code odata.metadata} (dasein sends null or
 * echoes a read's), {@code odata.editLink}, {@code @odata.*} and any other {@code x@y} are skipped, as
 * is the {@code odata.type} of a complex value (Electric Commander sends an e-mail address there,
 * CLIENTS.md D.4). The entity's own {@code odata.type} must name its type, or be null or absent.
 * Navigation properties are read by {@link RelatedEntities}.
 */
public final class JsonEntityReader implements EntityReader {

  private static final String FORMAT = "JSON";

  private final JsonFactory factory;
  /** Whether the body may be verbose JSON ({@code __metadata}); false for a body declared JSON light. */
  private final boolean verboseAllowed;

  /** A reader of both dialects, for a body whose Content-Type does not say which (plain application/json). */
  public JsonEntityReader(JsonFactory factory) {
    this(factory, true);
  }

  private JsonEntityReader(JsonFactory factory, boolean verboseAllowed) {
    this.factory = factory;
    this.verboseAllowed = verboseAllowed;
  }

  /**
   * A reader of bodies whose Content-Type says JSON light ({@code odata=minimalmetadata} and the
   * other levels): the entity's {@code __metadata} is verbose JSON's and refused.
   */
  public static JsonEntityReader lightOnly(JsonFactory factory) {
    return new JsonEntityReader(factory, false);
  }

  @Override
  public EntityPayload read(byte[] body, EntityTypeModel type) {
    try (JsonParser parser = factory.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw VmmErrors.malformedPayload(FORMAT, "the body must be a JSON object describing a "
            + type.qualifiedName());
      }
      EntityPayload payload = readObject(parser, type, true);
      if (parser.nextToken() != null) {
        throw VmmErrors.malformedPayload(FORMAT, "unexpected content after the end of the object");
      }
      return payload;
    } catch (JsonProcessingException e) {
      throw VmmErrors.malformedPayload(FORMAT, e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EntityPayload readObject(JsonParser parser, EntityTypeModel type, boolean outermost) throws IOException {
    EntityPayload payload = new EntityPayload(type);
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (outermost && name.equals("d") && value == JsonToken.START_OBJECT) {
        // A verbose body wrapped as a response would be: read the wrapped object instead.
        EntityPayload inner = readObject(parser, type, false);
        expectEnd(parser);
        return inner;
      }
      outermost = false;
      if (value == JsonToken.VALUE_NULL && (name.equals("odata.type") || name.equals("__metadata"))) {
        continue; // a whole-model client's unset field (dasein echoes what a read left out)
      } else if (name.equals("odata.type")) {
        checkType(parser, type);
      } else if (name.equals("__metadata")) {
        if (!verboseAllowed) {
          throw VmmErrors.malformedPayload(FORMAT, "'__metadata' belongs to verbose JSON, but the Content-Type"
              + " says JSON light (odata=minimalmetadata): name the type with \"odata.type\" instead, or send"
              + " Content-Type: application/json;odata=verbose");
        }
        readVerboseMetadata(parser, type);
      } else if (name.startsWith("odata.") || name.indexOf('@') >= 0) {
        parser.skipChildren(); // other instance and property annotations carry nothing we keep
      } else {
        readProperty(parser, type, payload, name, value);
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw VmmErrors.malformedPayload(FORMAT, "expected a property name");
    }
    return payload;
  }

  private static void expectEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.END_OBJECT) {
      throw VmmErrors.malformedPayload(FORMAT, "the object wrapped in \"d\" must be its only content");
    }
  }

  private static void readProperty(JsonParser parser, EntityTypeModel type, EntityPayload payload, String name,
      JsonToken value) throws IOException {
    PropertyModel property = type.property(name);
    if (property == null) {
      NavigationModel navigation = type.navigation(name);
      if (navigation != null) {
        if (!payload.putNavigation(navigation, RelatedEntities.read(parser, navigation))) {
          throw VmmErrors.duplicateProperty(name);
        }
        return;
      }
      if (type.unservedPropertyType(name) != null) {
        parser.skipChildren(); // a complex or collection property: declared, not served yet
        return;
      }
      throw VmmErrors.unknownProperty(name, type.qualifiedName());
    }
    Object read = readValue(parser, property);
    if (!payload.put(property, read)) {
      throw VmmErrors.duplicateProperty(name);
    }
  }

  /** The value at the parser's current token, of any shape the property has. */
  private static Object readValue(JsonParser parser, PropertyModel property) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (property.collection()) {
      if (token == JsonToken.START_OBJECT) {
        return readVerboseCollection(parser, property); // {"__metadata":…,"results":[…]}
      }
      if (token != JsonToken.START_ARRAY) {
        throw VmmErrors.invalidPropertyValue(property.name(), property.typeName(), "expected a JSON array");
      }
      List<Object> elements = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        elements.add(readElement(parser, property));
      }
      return Collections.unmodifiableList(elements);
    }
    return readElement(parser, property);
  }

  private static Object readVerboseCollection(JsonParser parser, PropertyModel property) throws IOException {
    Object elements = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("results")) {
        elements = readValue(parser, property);
      } else {
        parser.skipChildren();
      }
    }
    return elements;
  }

  private static Object readElement(JsonParser parser, PropertyModel property) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (property.complex() != null) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw VmmErrors.invalidPropertyValue(property.name(), property.complex().qualifiedName(),
            "expected a JSON object");
      }
      ComplexTypeModel complex = property.complex();
      Object[] values = new Object[complex.properties().size()];
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        PropertyModel member = complex.property(name);
        if (member != null) {
          values[member.index()] = readValue(parser, member);
        } else if (name.startsWith("odata.") || name.equals("__metadata") || name.indexOf('@') >= 0) {
          parser.skipChildren();
        } else {
          throw VmmErrors.unknownProperty(name, complex.qualifiedName());
        }
      }
      return new ComplexValue(complex, values);
    }
    try {
      return PrimitiveCodecs.of(property.kind()).readJson(parser);
    } catch (ValueFormatException e) {
      throw VmmErrors.invalidPropertyValue(property.name(), property.kind().qualifiedName(), e.getMessage());
    }
  }

  private static void checkType(JsonParser parser, EntityTypeModel type) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw VmmErrors.malformedPayload(FORMAT, "odata.type must be a string such as \""
          + type.qualifiedName() + "\"");
    }
    String sent = parser.getText();
    if (!sent.equals(type.qualifiedName())) {
      throw VmmErrors.typeMismatch(sent, type.qualifiedName());
    }
  }

  private static void readVerboseMetadata(JsonParser parser, EntityTypeModel type) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw VmmErrors.malformedPayload(FORMAT, "__metadata must be an object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("type")) {
        checkType(parser, type);
      } else {
        parser.skipChildren();
      }
    }
  }
}
