package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The base of the types whose JSON form is their text in a JSON string (GUIDs, dates, durations,
 * binary, and in OData v3 also Int64 and Decimal): reading and writing JSON reduce to
 * {@link #parseText} and {@link #toText}. Numeric types may also be read from a JSON number.
 */
abstract class TextValuedCodec implements PrimitiveCodec {

  private final String expected;
  private final boolean numbersToo;

  /**
   * @param expected what a value looks like, for error messages ("a GUID string")
   * @param numbersToo whether a JSON number is also accepted
   */
  TextValuedCodec(String expected, boolean numbersToo) {
    this.expected = expected;
    this.numbersToo = numbersToo;
  }

  @Override
  public final Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING || numbersToo && token.isNumeric()) {
      return parseText(parser.getText());
    }
    throw new ValueFormatException("expected " + expected + " but found " + PrimitiveCodec.describe(parser));
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeString(toText(value));
  }
}
