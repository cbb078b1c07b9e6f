package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.odata.edm.EdmKind;
import java.io.IOException;
import java.util.UUID;

/**
 * Edm.Guid as {@link UUID}. Parsing is strict (8-4-4-4-12 hex digits, optionally in braces as .NET
 * also writes them) because {@link UUID#fromString} accepts malformed forms such as {@code 1-2-3-4-5}.
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
    UUID value = parse(text.trim());
    if (value == null) {
      throw new ValueFormatException("'" + text + "' is not a GUID of the form"
          + " xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    }
    return value;
  }

  /** The GUID in {@code text}, or null if it is not exactly one. */
  static UUID parse(String text) {
    String s = text;
    if (s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
      s = s.substring(1, 37);
    }
    if (s.length() != 36) {
      return null;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return null;
      }
    }
    return UUID.fromString(s);
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
