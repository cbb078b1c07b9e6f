package dev.spfemu.vmm.world;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A world file as a tree of plain values, read and written with Jackson's streaming API: objects are
 * {@link Map}s in the file's order, arrays {@link List}s, then {@link String}, {@link Boolean}, the
 * numbers as Jackson's tree model keeps them ({@link Integer}, {@link Long}, {@link BigInteger},
 * {@link Double}) and {@link #NULL}; a member that is not there is Java's {@code null}. It stands in for
 * Jackson's data-binding tree, which cost the start-up about 300 classes for the demo world: the whole
 * file is read before anything is loaded, as then, and an entity is written back exactly as that tree
 * wrote it, for the request reader to read.
 */
final class WorldTree {

  /** JSON's {@code null}, as a value (a member given as null, unlike one left out). */
  enum JsonNull { NULL }

  static final Object NULL = JsonNull.NULL;

  /** Refuses a member given twice (which would count?); {@link #read} refuses anything after the document. */
  private final JsonFactory json = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * The document in {@code in} (closed), or null when it is empty.
   *
   * @throws IOException when it is not one JSON document, with Jackson's message (and position)
   */
  Object read(InputStream in) throws IOException {
    try (JsonParser parser = json.createParser(in)) {
      if (parser.nextToken() == null) {
        return null;
      }
      Object root = value(parser);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) { // the words of data binding's FAIL_ON_TRAILING_TOKENS, which read world files before
        throw new JsonParseException(parser, "Trailing token (of type " + trailing + ") found after value (bound as"
            + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
            + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`", parser.currentTokenLocation());
      }
      return root;
    }
  }

  private static Object value(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT: {
        Map<String, Object> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          members.put(name, value(parser));
        }
        return members;
      }
      case START_ARRAY: {
        List<Object> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(value(parser));
        }
        return elements;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> parser.getIntValue();
          case LONG -> parser.getLongValue();
          default -> parser.getBigIntegerValue();
        };
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return NULL;
    }
  }

  /** {@code value} as a JSON document. */
  byte[] write(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = json.createGenerator(out)) {
      write(generator, value);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof Map<?, ?> members) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> member : members.entrySet()) {
        generator.writeFieldName((String) member.getKey());
        write(generator, member.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> elements) {
      generator.writeStartArray();
      for (Object element : elements) {
        write(generator, element);
      }
      generator.writeEndArray();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Integer || value instanceof Long) {
      generator.writeNumber(((Number) value).longValue()); // the same digits as writeNumber(int)
    } else if (value instanceof BigInteger number) {
      generator.writeNumber(number);
    } else if (value instanceof Double number) {
      generator.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else {
      generator.writeNull();
    }
  }

  /** The member {@code name} of {@code node}, or null when it has none or is no object. */
  static Object member(Object node, String name) {
    return node instanceof Map<?, ?> members ? members.get(name) : null;
  }

  /** The members of {@code node} in order; none when it is no object. */
  @SuppressWarnings("unchecked")
  static Collection<Map.Entry<String, Object>> members(Object node) {
    return node instanceof Map<?, ?> members ? ((Map<String, Object>) members).entrySet() : List.of();
  }

  /** The elements of an array, the member values of an object, nothing for anything else. */
  static Collection<?> children(Object node) {
    if (node instanceof List<?> elements) {
      return elements;
    }
    return node instanceof Map<?, ?> members ? members.values() : List.of();
  }
}
