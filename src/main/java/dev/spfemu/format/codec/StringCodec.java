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
    String text = parser.getText();
    checkXmlCharacters(text);
    return text;
  }

  /**
   * Refuses a string XML 1.0 cannot carry: a control character other than tab, line feed and carriage
   * return, or U+FFFE/U+FFFF. JSON can send them (escaped), but a value stored with one would
   * make every later Atom answer that holds it ill-formed XML, which no client can read.
   */
  static void checkXmlCharacters(String text) throws ValueFormatException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
        throw new ValueFormatException(String.format("the string holds the character U+%04X at position %d,"
            + " which XML (Atom) cannot carry; leave out control characters other than tab, CR and LF,"
            + " and U+FFFE/U+FFFF", (int) c, i));
      }
    }
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
