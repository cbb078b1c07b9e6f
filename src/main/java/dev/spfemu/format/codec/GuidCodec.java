package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.odata.edm.EdmKind;
import java.io.IOException;
import java.util.UUID;

/**
 * Edm.Guid as {@link UUID}, parsed strictly by {@link Guids}.
 */
final class GuidCodec implements PrimitiveCodec {

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new ValueFormatException("expected a GUID string but found " + PrimitiveCodec.describe(parser));
    }
    return parseText(parser.getText());
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    UUID value = Guids.parse(text.trim());
    if (value == null) {
      throw new ValueFormatException("'" + text + "' is not a GUID of the form"
          + " xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    }
    return value;
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
    return "guid'" + value + "'";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.GUID;
  }
}
