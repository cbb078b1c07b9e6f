package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.odata.edm.EdmKind;
import java.io.IOException;
import java.math.BigDecimal;

/** Edm.Decimal as {@link BigDecimal}; a JSON string in v3, read from a string or a number. */
final class DecimalCodec implements PrimitiveCodec {

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING || token.isNumeric()) {
      return parseText(parser.getText());
    }
    throw new ValueFormatException("expected a decimal but found " + PrimitiveCodec.describe(parser));
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    String s = text.trim();
    if (s.endsWith("M") || s.endsWith("m")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new ValueFormatException("'" + text + "' is not a decimal number");
    }
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeString(((BigDecimal) value).toPlainString());
  }

  @Override
  public String toText(Object value) {
    return ((BigDecimal) value).toPlainString();
  }

  @Override
  public String toUriLiteral(Object value) {
    return ((BigDecimal) value).toPlainString() + "M";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.DECIMAL;
  }
}
