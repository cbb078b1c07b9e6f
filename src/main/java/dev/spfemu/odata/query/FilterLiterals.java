package dev.spfemu.odata.query;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.EdmKind;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites the literals of a {@code $filter} or {@code $orderby} expression into forms Olingo's
 * expression parser takes, before it sees them:
 * <ul>
 *   <li>every {@code datetime'…'} and {@code datetimeoffset'…'} literal becomes a placeholder
 *       {@code datetime'0001-01-01T…'} that stands for the real value in {@link #dateTimes()}:
 *       Olingo reads at most milliseconds and no offset, but .NET clients write seven fractional
 *       digits, {@code Z} and offsets, and comparisons must use every digit;</li>
 *   <li>typed-literal prefixes in any case ({@code Guid'…'}) become lower case, and braces around a
 *       GUID are dropped.</li>
 * </ul>
 * String literals are left exactly as they are.
 */
public final class FilterLiterals {

  /** The placeholders handed out so far, shared by all expressions of one request. */
  private final Map<String, OffsetDateTime> dateTimes = new HashMap<>();

  /** Rewrites one expression; its placeholders join {@link #dateTimes()}. */
  public String normalize(String expression) {
    StringBuilder out = new StringBuilder(expression.length() + 16);
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '\'') {
        int end = endOfQuoted(expression, i);
        out.append(expression, i, end);
        i = end;
      } else if (Character.isLetter(c) && (i == 0 || !isNamePart(expression.charAt(i - 1)))) {
        int wordEnd = i;
        while (wordEnd < expression.length() && isNamePart(expression.charAt(wordEnd))) {
          wordEnd++;
        }
        int end = wordEnd < expression.length() && expression.charAt(wordEnd) == '\''
            ? endOfQuoted(expression, wordEnd) : -1;
        if (end > 0 && expression.charAt(end - 1) == '\'' && end - 1 > wordEnd) {
          String prefix = expression.substring(i, wordEnd).toLowerCase(Locale.ROOT);
          String text = expression.substring(wordEnd + 1, Math.max(wordEnd + 1, end - 1));
          out.append(typedLiteral(prefix, text, dateTimes));
          i = end;
        } else {
          out.append(expression, i, wordEnd);
          i = wordEnd;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String typedLiteral(String prefix, String text, Map<String, OffsetDateTime> dateTimes) {
    switch (prefix) {
      case "datetime":
      case "datetimeoffset":
        OffsetDateTime value;
        try {
          value = (OffsetDateTime) PrimitiveCodecs.of(EdmKind.DATE_TIME).parseText(text);
        } catch (ValueFormatException e) {
          throw VmmErrors.invalidUri("The literal " + prefix + "'" + text + "' is not a valid date-time: "
              + e.getMessage());
        }
        String placeholder = placeholder(dateTimes.size());
        dateTimes.put(placeholder, value);
        return "datetime'" + placeholder + "'";
      case "guid":
        String guid = text.length() == 38 && text.startsWith("{") && text.endsWith("}")
            ? text.substring(1, 37) : text;
        return "guid'" + guid + "'";
      default:
        return prefix + "'" + text + "'";
    }
  }

  /** The n-th placeholder: a distinct millisecond of 0001-01-01, a date no client writes. */
  private static String placeholder(int n) {
    int millis = n % 1000;
    int seconds = n / 1000 % 60;
    int minutes = n / 60_000 % 60;
    int hours = n / 3_600_000;
    return String.format(Locale.ROOT, "0001-01-01T%02d:%02d:%02d.%03d", hours, minutes, seconds, millis);
  }

  /**
   * The index just past a quoted literal starting at {@code quote} ('' is an escaped quote); the end
   * of {@code s} when it is not terminated.
   */
  public static int endOfQuoted(String s, int quote) {
    int i = quote + 1;
    while (i < s.length()) {
      if (s.charAt(i) == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length(); // unterminated: left as it is, for Olingo to report
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * The real value of each date-time placeholder, by the placeholder's text: for
   * {@link CompiledExpressions}, so the values never leave this package.
   */
  Map<String, OffsetDateTime> dateTimes() {
    return Map.copyOf(dateTimes);
  }
}
