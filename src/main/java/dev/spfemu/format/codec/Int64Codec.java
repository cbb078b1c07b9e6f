package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.odata.edm.EdmKind;
import java.io.IOException;

/**
 * Edm.Int64 as {@link Long}. Written as a JSON string, as OData v3 and real SPF do
 * ({@code "TotalSize":"4194304"}), because JavaScript numbers cannot hold every Int64; read from a
 * string or a number.
 */
final class Int64Codec implements PrimitiveCodec {

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
      return parseText(parser.getText());
    }
    throw new ValueFormatException("expected an Int64 (as a string or number) but found "
        + PrimitiveCodec.describe(parser));
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    String s = text.trim();
    if (s.endsWith("L") || s.endsWith("l")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ValueFormatException("'" + text + "' is not a 64-bit integer");
    }
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeString(value.toString());
  }

  @Override
  public String toText(Object value) {
    return value.toString();
  }

  @Override
  public String toUriLiteral(Object value) {
    return value + "L";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.INT64;
  }
}
