package dev.spfemu.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model file into a {@link ModelFile} with Jackson's streaming parser. Data binding would do
 * the same in a few lines, but it costs the start-up about 500 classes and their initialisation (a
 * few hundred milliseconds on a 2-core machine) for one file read once. As with binding, a member the file
 * leaves out is null; unlike binding, a member of the wrong JSON type is not coerced. Every member the
 * file has must be one of the shape's, so that a misspelt one ({@code "nulable"}) is an error, not a
 * silent default; errors say where ({@link JsonParseException}: line and column).
 */
final class ModelFileReader {

  private final JsonParser parser;

  private ModelFileReader(JsonParser parser) {
    this.parser = parser;
  }

  static ModelFile read(InputStream in) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(in)) {
      parser.nextToken();
      return new ModelFileReader(parser).file();
    }
  }

  /** Reads one element of a list, the parser on its first token. */
  @FunctionalInterface
  private interface Element<T> {
    T read() throws IOException;
  }

  private ModelFile file() throws IOException {
    String namespace = null;
    String container = null;
    List<ModelFile.ComplexType> complexTypes = null;
    List<ModelFile.EntityType> entityTypes = null;
    start("the model");
    while (nextMember()) {
      switch (parser.currentName()) {
        case "namespace" -> namespace = string();
        case "container" -> container = string();
        case "complexTypes" -> complexTypes = list(this::complexType, "complex types");
        case "entityTypes" -> entityTypes = list(this::entityType, "entity types");
        default -> throw unknown("the model");
      }
    }
    return new ModelFile(namespace, container, complexTypes, entityTypes);
  }

  private ModelFile.EntityType entityType() throws IOException {
    String name = null;
    String entitySet = null;
    List<String> keys = null;
    List<String> verbs = null;
    List<String> requiredOnCreate = null;
    List<String> serverManaged = null;
    List<String> secrets = null;
    List<ModelFile.Reference> references = null;
    List<ModelFile.Property> properties = null;
    List<ModelFile.Navigation> navigation = null;
    Boolean adminOnly = null;
    List<String> tenantVerbs = null;
    start("an entity type");
    while (nextMember()) {
      switch (parser.currentName()) {
        case "name" -> name = string();
        case "entitySet" -> entitySet = string();
        case "keys" -> keys = strings();
        case "verbs" -> verbs = strings();
        case "requiredOnCreate" -> requiredOnCreate = strings();
        case "serverManaged" -> serverManaged = strings();
        case "secrets" -> secrets = strings();
        case "references" -> references = list(this::reference, "references");
        case "properties" -> properties = list(this::property, "properties");
        case "navigation" -> navigation = list(this::navigation, "navigation properties");
        case "adminOnly" -> adminOnly = bool();
        case "tenantVerbs" -> tenantVerbs = strings();
        default -> throw unknown("an entity type");
      }
    }
    return new ModelFile.EntityType(name, entitySet, keys, verbs, requiredOnCreate, serverManaged, secrets,
        references, properties, navigation, adminOnly, tenantVerbs);
  }

  private ModelFile.ComplexType complexType() throws IOException {
    String name = null;
    List<ModelFile.Property> properties = null;
    start("a complex type");
    while (nextMember()) {
      switch (parser.currentName()) {
        case "name" -> name = string();
        case "properties" -> properties = list(this::property, "properties");
        default -> throw unknown("a complex type");
      }
    }
    return new ModelFile.ComplexType(name, properties);
  }

  private ModelFile.Property property() throws IOException {
    String name = null;
    String type = null;
    Boolean nullable = null;
    String contentType = null;
    start("a property");
    while (nextMember()) {
      switch (parser.currentName()) {
        case "name" -> name = string();
        case "type" -> type = string();
        case "nullable" -> nullable = bool();
        case "contentType" -> contentType = string();
        default -> throw unknown("a property");
      }
    }
    return new ModelFile.Property(name, type, nullable, contentType);
  }

  private ModelFile.Navigation navigation() throws IOException {
    String name = null;
    String entitySet = null;
    Boolean many = null;
    List<String> from = null;
    List<String> to = null;
    start("a navigation property");
    while (nextMember()) {
      switch (parser.currentName()) {
        case "name" -> name = string();
        case "entitySet" -> entitySet = string();
        case "many" -> many = bool();
        case "from" -> from = strings();
        case "to" -> to = strings();
        default -> throw unknown("a navigation property");
      }
    }
    return new ModelFile.Navigation(name, entitySet, Boolean.TRUE.equals(many), from, to);
  }

  private ModelFile.Reference reference() throws IOException {
    String property = null;
    String entitySet = null;
    List<String> matchedBy = null;
    Boolean lenientWhenNone = null;
    start("a reference");
    while (nextMember()) {
      switch (parser.currentName()) {
        case "property" -> property = string();
        case "entitySet" -> entitySet = string();
        case "matchedBy" -> matchedBy = strings();
        case "lenientWhenNone" -> lenientWhenNone = bool();
        default -> throw unknown("a reference");
      }
    }
    return new ModelFile.Reference(property, entitySet, matchedBy, lenientWhenNone);
  }

  /** Checks that the parser is on an object's start (a null element of a list is read as null before this). */
  private void start(String what) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw problem(what + " must be a JSON object");
    }
  }

  /** Moves to the next member's value; false at the object's end. */
  private boolean nextMember() throws IOException {
    if (parser.nextToken() != JsonToken.FIELD_NAME) {
      return false;
    }
    parser.nextToken();
    return true;
  }

  private <T> List<T> list(Element<T> element, String what) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw problem("'" + parser.currentName() + "' must be a list of " + what);
    }
    List<T> list = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      list.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : element.read());
    }
    return list;
  }

  private List<String> strings() throws IOException {
    String member = parser.currentName();
    return list(() -> {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw problem("'" + member + "' must be a list of strings");
      }
      return parser.getText();
    }, "strings");
  }

  private String string() throws IOException {
    return switch (parser.currentToken()) {
      case VALUE_STRING -> parser.getText();
      case VALUE_NULL -> null;
      default -> throw problem("'" + parser.currentName() + "' must be a string");
    };
  }

  private Boolean bool() throws IOException {
    return switch (parser.currentToken()) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw problem("'" + parser.currentName() + "' must be true or false");
    };
  }

  private JsonParseException unknown(String what) throws IOException {
    return problem("unknown member '" + parser.currentName() + "' in " + what);
  }

  private JsonParseException problem(String message) {
    return new JsonParseException(parser, "model file: " + message);
  }
}
