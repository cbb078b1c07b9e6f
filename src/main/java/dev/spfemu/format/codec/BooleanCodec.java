package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.model.EdmKind;
import java.io.IOException;

/**
 * Edm.Boolean: JSON true/false; in XML also 1/0 as xsd:boolean allows. A JSON string is read as
 * its text ({@code "true"}, {@code "1"}), as ODataLib converts strings for any primitive type:
 * clients whose models hold every value as a string (dasein, CLIENTS.md D.3) send booleans so.
 */
final class BooleanCodec implements PrimitiveCodec {

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return parseText(parser.getText());
      } catch (ValueFormatException e) {
        // reported below, as any other JSON value that is not a boolean
      }
    }
    throw new ValueFormatException("expected true or false but found " + PrimitiveCodec.describe(parser));
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    switch (text.trim()) {
      case "true":
      case "1":
        return Boolean.TRUE;
      case "false":
      case "0":
        return Boolean.FALSE;
      default:
        throw new ValueFormatException("'" + text + "' is not true or false");
    }
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeBoolean((Boolean) value);
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
    return false;
  }

  @Override
  public EdmKind kind() {
    return EdmKind.BOOLEAN;
  }
}
