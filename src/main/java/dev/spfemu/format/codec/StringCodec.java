package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.model.EdmKind;
import java.io.IOException;

/** Edm.String: JSON strings only (WCF Data Services does not coerce numbers into strings). */
final class StringCodec implements PrimitiveCodec {

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new ValueFormatException("expected a JSON string but found " + PrimitiveCodec.describe(parser));
    }
    return parser.getText();
  }

  @Override
  public Object parseText(String text) {
    return text;
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeString((String) value);
  }

  @Override
  public String toText(Object value) {
    return (String) value;
  }

  @Override
  public String toUriLiteral(Object value) {
    return "'" + ((String) value).replace("'", "''") + "'";
  }

  @Override
  public boolean annotatedInFullMetadata() {
    return false;
  }

  @Override
  public EdmKind kind() {
    return EdmKind.STRING;
  }
}
