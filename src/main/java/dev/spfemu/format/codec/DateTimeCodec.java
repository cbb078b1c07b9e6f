package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.odata.edm.EdmKind;
import java.io.IOException;
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
final class DateTimeCodec implements PrimitiveCodec {

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
    this.kind = kind;
  }

  @Override
  public Object readJson(JsonParser parser) throws IOException, ValueFormatException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new ValueFormatException("expected a date-time string such as 2014-08-28T14:19:48.8838623-07:00"
          + " but found " + PrimitiveCodec.describe(parser));
    }
    return parseText(parser.getText());
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    String s = text.trim();
    if (s.startsWith("/Date(") || s.startsWith("\\/Date(")) {
      return parseVerbose(s);
    }
    try {
      TemporalAccessor parsed = READ.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime offset ? offset
          : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ValueFormatException("'" + text + "' is not a date-time such as"
          + " 2014-08-28T14:19:48.8838623-07:00");
    }
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
  public void writeJson(JsonGenerator generator, Object value) throws IOException {
    generator.writeString(WRITE.format((OffsetDateTime) value));
  }

  @Override
  public void writeVerboseJson(JsonGenerator generator, Object value) throws IOException {
    if (kind == EdmKind.DATE_TIME_OFFSET) {
      writeJson(generator, value);
      return;
    }
    // WCF Data Services escapes the slashes; Jackson would not, so this one value is written raw.
    long millis = ((OffsetDateTime) value).toInstant().toEpochMilli();
    generator.writeRawValue("\"\\/Date(" + millis + ")\\/\"");
  }

  @Override
  public String toText(Object value) {
    return WRITE.format((OffsetDateTime) value);
  }

  @Override
  public String toUriLiteral(Object value) {
    OffsetDateTime time = (OffsetDateTime) value;
    return kind == EdmKind.DATE_TIME_OFFSET ? "datetimeoffset'" + WRITE.format(time) + "'"
        : "datetime'" + URI.format(time.withOffsetSameInstant(ZoneOffset.UTC)) + "'";
  }

  @Override
  public EdmKind kind() {
    return kind;
  }
}
