package dev.spfemu.odata.query;

import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.EdmKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * OData URI literals as the skip token uses them: written by value type, read back without knowing
 * the type ({@code 'text'}, {@code guid'…'}, {@code datetime'…'}, {@code 42L}, {@code true},
 * {@code null}, …). Date-times keep their seven digits and offset, so a token resumes exactly.
 */
final class UriLiterals {

  private UriLiterals() {
  }

  /** The literal for {@code value}. */
  static String format(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (value instanceof UUID) {
      return "guid'" + value + "'";
    }
    if (value instanceof OffsetDateTime) {
      return "datetime'" + PrimitiveCodecs.of(EdmKind.DATE_TIME).toText(value) + "'";
    }
    if (value instanceof Long) {
      return value + "L";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString() + "M";
    }
    if (value instanceof Double || value instanceof Float) {
      return PrimitiveCodecs.of(EdmKind.DOUBLE).toText(((Number) value).doubleValue()) + "D";
    }
    if (value instanceof Duration) {
      return "time'" + value + "'";
    }
    if (value instanceof byte[]) {
      return PrimitiveCodecs.of(EdmKind.BINARY).toUriLiteral(value);
    }
    return value.toString(); // Integer, Boolean
  }

  /** Splits a comma-separated list of literals, respecting quotes. */
  static List<String> split(String list) throws ValueFormatException {
    List<String> literals = new ArrayList<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '\'') {
        quoted = !quoted; // a doubled quote inside a string toggles twice
      } else if (c == ',' && !quoted) {
        literals.add(list.substring(start, i));
        start = i + 1;
      }
    }
    if (quoted) {
      throw new ValueFormatException("unterminated quoted literal");
    }
    literals.add(list.substring(start));
    return literals;
  }

  /** Reads one literal written by {@link #format}. */
  static Object parse(String literal) throws ValueFormatException {
    String s = literal.trim();
    if (s.equals("null")) {
      return null;
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    int quote = s.indexOf('\'');
    if (quote >= 0) {
      if (!s.endsWith("'") || s.length() < quote + 2) {
        throw new ValueFormatException("'" + literal + "' is not a literal");
      }
      String text = s.substring(quote + 1, s.length() - 1);
      switch (s.substring(0, quote).toLowerCase(Locale.ROOT)) {
        case "":
          return text.replace("''", "'");
        case "guid":
          return PrimitiveCodecs.of(EdmKind.GUID).parseText(text);
        case "datetime":
        case "datetimeoffset":
          return PrimitiveCodecs.of(EdmKind.DATE_TIME).parseText(text);
        case "time":
          return PrimitiveCodecs.of(EdmKind.TIME).parseText(text);
        case "x":
        case "binary":
          return HexFormat.of().parseHex(text);
        default:
          throw new ValueFormatException("'" + literal + "' is not a literal");
      }
    }
    try {
      char last = Character.toUpperCase(s.isEmpty() ? ' ' : s.charAt(s.length() - 1));
      String number = Character.isLetter(last) ? s.substring(0, s.length() - 1) : s;
      switch (last) {
        case 'L':
          return Long.parseLong(number);
        case 'M':
          return new BigDecimal(number);
        case 'D':
        case 'F':
          return PrimitiveCodecs.of(EdmKind.DOUBLE).parseText(number); // INF, -INF and NaN too
        default:
          if (Character.isLetter(last)) {
            throw new ValueFormatException("'" + literal + "' is not a literal");
          }
          return Integer.parseInt(number);
      }
    } catch (NumberFormatException e) {
      throw new ValueFormatException("'" + literal + "' is not a literal");
    }
  }
}
