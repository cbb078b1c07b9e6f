package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.model.EdmKind;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Edm.DateTime and Edm.DateTimeOffset as {@link OffsetDateTime}.
 *
 * <p>Written as real SPF writes them: seven fractional digits and an offset
 * ({@code 2014-08-28T14:19:48.8838623-07:00}); in verbose JSON as {@code \/Date(ms)\/}. Read in
 * every form .NET clients send: with or without offset or {@code Z}, zero to seven (or nine)
 * fractional digits, and the verbose {@code /Date(ms[+-mmmm])/}. A value without an offset is
 * taken as UTC.
 */
final class DateTimeCodec extends TextValuedCodec {

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");
  private static final DateTimeFormatter URI =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS");
  private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart()
      .appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
      .optionalEnd()
      .optionalEnd()
      .optionalStart()
      .appendOffset("+HH:MM", "Z")
      .optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT); // 2021-02-29 is an error, not 2021-02-28

  private final EdmKind kind;

  DateTimeCodec(EdmKind kind) {
    super("a date-time string such as 2014-08-28T14:19:48.8838623-07:00", false);
    this.kind = kind;
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    String s = text.trim();
    if (s.startsWith("/Date(") || s.startsWith("\\/Date(")) {
      return parseVerbose(s);
    }
    OffsetDateTime value = parseCommon(s);
    if (value == null) {
      try {
        value = parseWithFormatter(s);
      } catch (DateTimeParseException e) {
        throw new ValueFormatException("'" + text + "' is not a date-time such as"
            + " 2014-08-28T14:19:48.8838623-07:00");
      }
    }
    return value.withNano(value.getNano() / 100 * 100); // .NET keeps 100 ns ticks
  }

  /** {@link #READ}'s reading, as {@link OffsetDateTime} (UTC when the text has no offset). */
  static OffsetDateTime parseWithFormatter(String s) {
    TemporalAccessor parsed = READ.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime offset ? offset : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
  }

  /**
   * {@link #READ}'s reading of the forms clients and world files send, hand-rolled as {@link #format} is:
   * {@code uuuu-MM-ddTHH:mm[:ss[.f…]][Z|±HH:MM]} with a four-digit year and one to nine fractional digits.
   * Anything else, and any value out of range, is null: the formatter then reads it, or says what is wrong.
   * A formatter costs several times this, and the start reads every date of the demo world.
   */
  static OffsetDateTime parseCommon(String s) {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = 0;
    int nano = 0;
    int at = 16;
    if (at < n && s.charAt(at) == ':') {
      second = digits(s, at + 1, 2);
      at += 3;
      if (at < n && s.charAt(at) == '.') {
        int start = ++at;
        while (at < n && at - start < 10 && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
          nano = nano * 10 + s.charAt(at++) - '0';
        }
        int count = at - start;
        if (count == 0 || count > 9) {
          return null;
        }
        for (int i = count; i < 9; i++) {
          nano *= 10;
        }
      }
    }
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    ZoneOffset offset = offset(s, at);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    } catch (DateTimeException e) {
      return null; // out of range (a 30 February, an hour 24): the formatter says so
    }
  }

  /** The offset from {@code at} to the end (none: UTC), or null when it is not {@code Z} or {@code ±HH:MM}. */
  private static ZoneOffset offset(String s, int at) {
    int n = s.length();
    if (at == n || at == n - 1 && s.charAt(at) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = s.charAt(at);
    if (n - at != 6 || sign != '+' && sign != '-' || s.charAt(at + 3) != ':') {
      return null;
    }
    int hours = digits(s, at + 1, 2);
    int minutes = digits(s, at + 4, 2);
    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    try {
      return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of {@code count} ASCII digits at {@code at}, or -1 when they are not all there. */
  private static int digits(String s, int at, int count) {
    if (at + count > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + c - '0';
    }
    return value;
  }

  private static OffsetDateTime parseVerbose(String s) throws ValueFormatException {
    String inner = s.replace("\\/", "/");
    if (!inner.endsWith(")/")) {
      throw new ValueFormatException("'" + s + "' is not of the form /Date(milliseconds)/");
    }
    String body = inner.substring("/Date(".length(), inner.length() - 2);
    int sign = Math.max(body.lastIndexOf('+'), body.lastIndexOf('-'));
    try {
      if (sign > 0) {
        long millis = Long.parseLong(body.substring(0, sign));
        int minutes = Integer.parseInt(body.substring(sign + 1));
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((body.charAt(sign) == '-' ? -minutes : minutes) * 60);
        return Instant.ofEpochMilli(millis).atOffset(offset);
      }
      return Instant.ofEpochMilli(Long.parseLong(body)).atOffset(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      throw new ValueFormatException("'" + s + "' is not of the form /Date(milliseconds)/");
    }
  }

  @Override
  public void writeVerboseJson(JsonGenerator generator, Object value) throws IOException {
    if (kind == EdmKind.DATE_TIME_OFFSET) {
      super.writeJson(generator, value);
      return;
    }
    // WCF Data Services escapes the slashes; Jackson would not, so this one value is written raw.
    long millis = ((OffsetDateTime) value).toInstant().toEpochMilli();
    generator.writeRawValue("\"\\/Date(" + millis + ")\\/\"");
  }

  @Override
  public String toText(Object value) {
    return format((OffsetDateTime) value);
  }

  /**
   * {@link #WRITE}'s format, hand-rolled: every checkpoint written carries two dates, and a
   * DateTimeFormatter costs several times this. Years outside 0–9999 and offsets with seconds,
   * which no client sends, go through the formatter.
   */
  static String format(OffsetDateTime time) {
    int year = time.getYear();
    int offsetSeconds = time.getOffset().getTotalSeconds();
    if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
      return WRITE.format(time);
    }
    char[] c = new char[ValueChars.DATE_TIME_LENGTH];
    ValueChars.dateTime(c, year, time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
        time.getSecond(), time.getNano(), offsetSeconds);
    return new String(c);
  }

  @Override
  public String toUriLiteral(Object value) {
    OffsetDateTime time = (OffsetDateTime) value;
    return kind == EdmKind.DATE_TIME_OFFSET ? "datetimeoffset'" + format(time) + "'"
        : "datetime'" + URI.format(time.withOffsetSameInstant(ZoneOffset.UTC)) + "'";
  }

  @Override
  public EdmKind kind() {
    return kind;
  }
}
