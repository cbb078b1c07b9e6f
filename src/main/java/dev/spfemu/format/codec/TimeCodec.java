package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.odata.edm.EdmKind;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Edm.Time as {@link Duration}, written as an xsd:duration ({@code PT13H20M}). */
final class TimeCodec implements PrimitiveCodec {

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new ValueFormatException("expected a duration string such as PT13H20M but found "
          + PrimitiveCodec.describe(parser));
    }
    return parseText(parser.getText());
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new ValueFormatException("'" + text + "' is not a duration such as PT13H20M");
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
    return "time'" + value + "'";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.TIME;
  }
}
