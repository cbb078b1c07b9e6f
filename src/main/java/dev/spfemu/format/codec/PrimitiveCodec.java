package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.spfemu.model.EdmKind;
import java.io.IOException;

/**
 * Reads and writes the values of one EDM primitive type in every form the wire uses: JSON (light
 * and verbose), XML element text (Atom) and URI literals. One implementation per type family;
 * {@link PrimitiveCodecs#of} finds it. Values are never null here: callers handle null.
 */
public interface PrimitiveCodec {

  /**
   * Reads the JSON value at the parser's current token (not VALUE_NULL). Every type also takes a
   * JSON string holding its text form ({@link #parseText}), as ODataLib converts request values:
   * clients whose models hold every value as a string send {@code "true"} and {@code "4"}. Only
   * Edm.String refuses the other way round (a number for a string).
   */
  Object readJson(JsonParser parser) throws IOException, ValueFormatException;

  /** Parses the text of an XML element (Atom {@code <d:Name>text</d:Name>}). */
  Object parseText(String text) throws ValueFormatException;

  /** Writes a value in JSON light. */
  void writeJson(JsonGenerator generator, Object value) throws IOException;

  /** Writes a value in verbose JSON; the same as JSON light unless the type differs there. */
  default void writeVerboseJson(JsonGenerator generator, Object value) throws IOException {
    writeJson(generator, value);
  }

  /** The value as XML element text. */
  String toText(Object value);

  /** The value as a URI literal, e.g. {@code guid'…'} or {@code 'text'}. */
  String toUriLiteral(Object value);

  /**
   * Whether JSON light full metadata annotates this type ({@code Prop@odata.type}): every type
   * whose JSON form does not reveal it, that is all but String, Boolean, Int32 and Double.
   */
  default boolean annotatedInFullMetadata() {
    return true;
  }

  /** The EDM type this codec handles (for error messages and annotations). */
  EdmKind kind();

  /** A short description of the JSON token found, for error messages. */
  static String describe(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "the string \"" + parser.getText() + "\"";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "the boolean " + parser.getText();
      default:
        return "the value " + parser.getText();
    }
  }
}
