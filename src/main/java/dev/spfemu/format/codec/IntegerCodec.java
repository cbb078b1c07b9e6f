package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.model.EdmKind;
import java.io.IOException;

/**
 * Edm.Byte, SByte, Int16 and Int32 as {@link Integer}, range-checked; JSON numbers, or a JSON
 * string holding the text form ({@code "4"}), as ODataLib converts strings for any primitive type
 * (dasein sends every value as a string, CLIENTS.md D.3).
 */
final class IntegerCodec implements PrimitiveCodec {

  private final EdmKind kind;
  private final int min;
  private final int max;

  IntegerCodec(EdmKind kind, int min, int max) {
    this.kind = kind;
    this.min = min;
    this.max = max;
  }

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parseText(parser.getText());
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw new ValueFormatException("expected an integer but found " + PrimitiveCodec.describe(parser));
    }
    return check(parser.getText());
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    return check(text.trim());
  }

  private Integer check(String text) throws ValueFormatException {
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValueFormatException("'" + text + "' is not an integer between " + min + " and " + max);
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeNumber((Integer) value);
  }

  @Override
  public String toText(Object value) {
    return value.toString();
  }

  @Override
  public String toUriLiteral(Object value) {
    return value.toString();
  }

  @Override
  public boolean annotatedInFullMetadata() {
    return kind != EdmKind.INT32;
  }

  @Override
  public EdmKind kind() {
    return kind;
  }
}
