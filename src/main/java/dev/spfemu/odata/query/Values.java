package dev.spfemu.odata.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

/**
 * Comparison and arithmetic on the values expressions produce, with OData's rules: numbers of any
 * EDM type compare by value; GUIDs in .NET's order (their lower-case text, not
 * {@link UUID#compareTo}, which is signed); date-times by instant, so offsets do not matter;
 * strings as .NET's default comparer does; nulls first.
 */
final class Values {

  /** The order $orderby uses: nulls before everything, then {@link #compare}. */
  static final Comparator<Object> ORDER = (a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : compare(a, b);

  private Values() {
  }

  /** Whether two values are equal in OData's sense (null equals only null). */
  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number || a instanceof OffsetDateTime || a instanceof byte[]) {
      return compare(a, b) == 0;
    }
    return a.equals(b);
  }

  /** Compares two non-null values of comparable types. */
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return compareStrings(x, y);
    }
    if (a instanceof UUID x && b instanceof UUID y) {
      // the text's order without the text (every feed sorts by key): fixed-width hex of the two halves
      int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
      return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.compareTo(y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    throw new IllegalArgumentException("cannot compare " + a.getClass().getSimpleName() + " with "
        + b.getClass().getSimpleName());
  }

  /**
   * Strings as .NET's default (culture-aware) comparison orders plain text, which WCF Data
   * Services' LINQ {@code OrderBy} and {@code String.Compare} use: letters compare ignoring case
   * ("alpha" before "Bravo"), and only on a tie does lower case come first.
   */
  private static int compareStrings(String x, String y) {
    int c = String.CASE_INSENSITIVE_ORDER.compare(x, y);
    return c != 0 ? c : y.compareTo(x);
  }

  private static int compareNumbers(Number x, Number y) {
    if (isFloating(x) || isFloating(y)) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (x instanceof BigDecimal || y instanceof BigDecimal) {
      return decimal(x).compareTo(decimal(y));
    }
    return Long.compare(x.longValue(), y.longValue());
  }

  /** Applies an arithmetic operator to two numbers, promoting as .NET does; null if either is null. */
  static Object arithmetic(char operator, Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (!(a instanceof Number x) || !(b instanceof Number y)) {
      throw new IllegalArgumentException("arithmetic needs numbers");
    }
    if (isFloating(x) || isFloating(y)) {
      double l = x.doubleValue();
      double r = y.doubleValue();
      switch (operator) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return l / r;
        default: return l % r;
      }
    }
    if (x instanceof BigDecimal || y instanceof BigDecimal) {
      BigDecimal l = decimal(x);
      BigDecimal r = decimal(y);
      switch (operator) {
        case '+': return l.add(r);
        case '-': return l.subtract(r);
        case '*': return l.multiply(r);
        case '/': return r.signum() == 0 ? null : l.divide(r, MathContext.DECIMAL128);
        default: return r.signum() == 0 ? null : l.remainder(r);
      }
    }
    long l = x.longValue();
    long r = y.longValue();
    switch (operator) {
      case '+': return l + r;
      case '-': return l - r;
      case '*': return l * r;
      case '/': return r == 0 ? null : l / r;
      default: return r == 0 ? null : l % r;
    }
  }

  private static boolean isFloating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
  }
}
