package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.odata.edm.EdmKind;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;

/** Edm.Binary as {@code byte[]}; base64 in payloads, {@code X'hex'} in URIs. */
final class BinaryCodec implements PrimitiveCodec {

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new ValueFormatException("expected a base64 string but found " + PrimitiveCodec.describe(parser));
    }
    return parseText(parser.getText());
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    try {
      return Base64.getMimeDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new ValueFormatException("the value is not valid base64");
    }
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeString(toText(value));
  }

  @Override
  public String toText(Object value) {
    return Base64.getEncoder().encodeToString((byte[]) value);
  }

  @Override
  public String toUriLiteral(Object value) {
    return "X'" + HexFormat.of().withUpperCase().formatHex((byte[]) value) + "'";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.BINARY;
  }
}
