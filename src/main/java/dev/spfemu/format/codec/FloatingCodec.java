package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.model.EdmKind;
import java.io.IOException;

/** Edm.Double and Edm.Single as {@link Double}; JSON numbers, with INF, -INF and NaN as strings. */
final class FloatingCodec implements PrimitiveCodec {

  private final EdmKind kind;

  FloatingCodec(EdmKind kind) {
    this.kind = kind;
  }

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    JsonToken token = parser.currentToken();
    if (token.isNumeric() || token == JsonToken.VALUE_STRING) {
      return parseText(parser.getText());
    }
    throw new ValueFormatException("expected a number but found " + PrimitiveCodec.describe(parser));
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    switch (text.trim()) {
      case "INF":
        return Double.POSITIVE_INFINITY;
      case "-INF":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          String s = text.trim();
          char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
          if (last == 'd' || last == 'f') {
            s = s.substring(0, s.length() - 1);
          }
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new ValueFormatException("'" + text + "' is not a number");
        }
    }
  }

  @Override
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    double d = (Double) value;
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      generator.writeString(toText(value));
    } else {
      generator.writeNumber(d);
    }
  }

  @Override
  public String toText(Object value) {
    double d = (Double) value;
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "INF" : "-INF";
    }
    return Double.toString(d);
  }

  @Override
  public String toUriLiteral(Object value) {
    return toText(value) + (kind == EdmKind.SINGLE ? "f" : "d");
  }

  @Override
  public boolean annotatedInFullMetadata() {
    return kind != EdmKind.DOUBLE;
  }

  @Override
  public EdmKind kind() {
    return kind;
  }
}
