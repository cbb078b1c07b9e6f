package dev.spfemu.format.codec;

/**
 * The JSON text of GUIDs and times written into a caller's {@code char[]} from their parts, so that a
 * writer of stored values makes no object per value; the codecs' {@code toText} forms, char for char
 * ({@code ValueCharsTest} compares them).
 */
public final class ValueChars {

  /** The length of a GUID's text. */
  public static final int GUID_LENGTH = 36;
  /** The length of a time's text: {@code 2014-08-28T14:19:48.8838623-07:00}. */
  public static final int DATE_TIME_LENGTH = 33;

  private static final String TEMPLATE = "0000-00-00T00:00:00.0000000+00:00";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long SECONDS_PER_DAY = 86_400;
  /** Days from 0000-01-01 to 1970-01-01 (proleptic Gregorian), as {@code LocalDate} counts them. */
  private static final long DAYS_0000_TO_1970 = 719_528;
  private static final long DAYS_PER_CYCLE = 146_097;

  private ValueChars() {
  }

  /** Writes a GUID in lower case, as {@code UUID.toString()} does; answers its length. */
  public static int guid(long most, long least, char[] into) {
    hex(into, 0, most >>> 32, 8);
    into[8] = '-';
    hex(into, 9, most >>> 16, 4);
    into[13] = '-';
    hex(into, 14, most, 4);
    into[18] = '-';
    hex(into, 19, least >>> 48, 4);
    into[23] = '-';
    hex(into, 24, least, 12);
    return GUID_LENGTH;
  }

  private static void hex(char[] into, int at, long value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      into[i] = HEX[(int) value & 0xF];
      value >>>= 4;
    }
  }

  /**
   * Writes the time of {@code epochSecond} and {@code nano} at {@code offsetSeconds} as
   * {@link DateTimeCodec} does; answers its length, or -1 for the years and offsets its formatter
   * handles instead (years outside 0–9999, offsets with seconds).
   */
  public static int dateTime(long epochSecond, int nano, int offsetSeconds, char[] into) {
    if (offsetSeconds % 60 != 0) {
      return -1;
    }
    long local = epochSecond + offsetSeconds;
    long epochDay = Math.floorDiv(local, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
    // LocalDate.ofEpochDay's arithmetic: the year as from March, so that February's length comes last
    long zeroDay = epochDay + DAYS_0000_TO_1970 - 60;
    long adjust = 0;
    if (zeroDay < 0) {
      long cycles = (zeroDay + 1) / DAYS_PER_CYCLE - 1;
      adjust = cycles * 400;
      zeroDay += -cycles * DAYS_PER_CYCLE;
    }
    long year = (400 * zeroDay + 591) / DAYS_PER_CYCLE;
    long dayOfYear = zeroDay - (365 * year + year / 4 - year / 100 + year / 400);
    if (dayOfYear < 0) {
      year--;
      dayOfYear = zeroDay - (365 * year + year / 4 - year / 100 + year / 400);
    }
    year += adjust;
    int marchMonth = ((int) dayOfYear * 5 + 2) / 153;
    int month = (marchMonth + 2) % 12 + 1;
    int day = (int) dayOfYear - (marchMonth * 306 + 5) / 10 + 1;
    year += marchMonth / 10;
    if (year < 0 || year > 9999) {
      return -1;
    }
    dateTime(into, (int) year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, nano,
        offsetSeconds);
    return DATE_TIME_LENGTH;
  }

  /** Writes the fields of a time in years 0–9999 with an offset of whole minutes. */
  static void dateTime(char[] c, int year, int month, int day, int hour, int minute, int second, int nano,
      int offsetSeconds) {
    TEMPLATE.getChars(0, DATE_TIME_LENGTH, c, 0); // the separators; the digits are written over it
    digits(c, 0, year, 4);
    digits(c, 5, month, 2);
    digits(c, 8, day, 2);
    digits(c, 11, hour, 2);
    digits(c, 14, minute, 2);
    digits(c, 17, second, 2);
    digits(c, 20, nano / 100, 7);
    int offsetMinutes = Math.abs(offsetSeconds) / 60;
    c[27] = offsetSeconds < 0 ? '-' : '+';
    digits(c, 28, offsetMinutes / 60, 2);
    digits(c, 31, offsetMinutes % 60, 2);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
