package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.model.EdmKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeCodecTest {

  private static final String SPF_TEXT = "2014-08-28T14:19:48.8838623-07:00";
  private static final OffsetDateTime SPF_VALUE =
      OffsetDateTime.of(2014, 8, 28, 14, 19, 48, 883_862_300, ZoneOffset.ofHours(-7));
  private static final OffsetDateTime MILLIS_VALUE =
      Instant.ofEpochMilli(1409260788883L).atOffset(ZoneOffset.UTC);

  private final PrimitiveCodec dateTime = PrimitiveCodecs.of(EdmKind.DATE_TIME);
  private final PrimitiveCodec dateTimeOffset = PrimitiveCodecs.of(EdmKind.DATE_TIME_OFFSET);

  @Test
  void writesSevenFractionalDigitsAndTheOffset() throws Exception {
    assertEquals(SPF_TEXT, dateTime.toText(SPF_VALUE));
    assertEquals("\"" + SPF_TEXT + "\"", CodecJson.write(dateTime, SPF_VALUE));
  }

  @Test
  void padsWholeSecondsToSevenDigitsAndWritesUtcAsAnOffset() {
    OffsetDateTime whole = OffsetDateTime.of(2014, 8, 28, 14, 19, 48, 0, ZoneOffset.UTC);

    assertEquals("2014-08-28T14:19:48.0000000+00:00", dateTime.toText(whole));
  }

  @Test
  void roundTripsSpfText() throws Exception {
    Object read = dateTime.parseText(SPF_TEXT);

    assertEquals(SPF_VALUE, read);
    assertEquals(SPF_TEXT, dateTime.toText(read));
    assertEquals(SPF_VALUE, CodecJson.read(dateTime, "\"" + SPF_TEXT + "\""));
  }

  @ParameterizedTest
  @CsvSource({
      "2020-01-01T00:00:00, 2020-01-01T00:00:00Z",
      "2020-01-01T00:00, 2020-01-01T00:00:00Z",
      "2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z",
      "2020-01-01T00:00:00+01:00, 2020-01-01T00:00:00+01:00",
      "2020-01-01T00:00:00.1234567, 2020-01-01T00:00:00.1234567Z",
      "2020-01-01T00:00:00.123456, 2020-01-01T00:00:00.123456Z",
      "2020-01-01T00:00:00.123456789-05:30, 2020-01-01T00:00:00.1234567-05:30",
      "' 2020-01-01T00:00:00Z ', 2020-01-01T00:00:00Z"})
  void readsIsoForms(String text, String expected) throws Exception {
    OffsetDateTime value = OffsetDateTime.parse(expected);

    assertEquals(value, dateTime.parseText(text));
    assertEquals(value, CodecJson.read(dateTime, "\"" + text + "\""));
  }

  @Test
  void valueWithoutOffsetIsUtc() throws Exception {
    OffsetDateTime value = (OffsetDateTime) dateTime.parseText("2020-01-01T00:00:00");

    assertEquals(ZoneOffset.UTC, value.getOffset());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/Date(1409260788883)/", "\\/Date(1409260788883)\\/"})
  void readsVerboseDates(String text) throws Exception {
    assertEquals(MILLIS_VALUE, dateTime.parseText(text));
  }

  @Test
  void readsVerboseDateFromEscapedJson() throws Exception {
    assertEquals(MILLIS_VALUE, CodecJson.read(dateTime, "\"\\/Date(1409260788883)\\/\""));
  }

  @Test
  void verboseOffsetIsInMinutes() throws Exception {
    OffsetDateTime value = (OffsetDateTime) dateTime.parseText("/Date(1409260788883+0060)/");

    assertEquals(ZoneOffset.ofHours(1), value.getOffset());
    assertEquals(MILLIS_VALUE.toInstant(), value.toInstant());
  }

  @Test
  void readsNegativeVerboseMillis() throws Exception {
    assertEquals(Instant.ofEpochMilli(-1000).atOffset(ZoneOffset.UTC), dateTime.parseText("/Date(-1000)/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "", "2020-01-01", "2020-13-01T00:00:00", "2020-01-01T25:00:00",
      "2020-01-01 00:00:00", "2020-01-01T00:00:00+1", "/Date(abc)/", "/Date(123", "/Date()/",
      "1409260788883"})
  void rejectsGarbage(String text) {
    assertThrows(ValueFormatException.class, () -> dateTime.parseText(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1409260788883", "true", "null", "{}", "[]"})
  void jsonValueMustBeAString(String json) {
    assertThrows(ValueFormatException.class, () -> CodecJson.read(dateTime, json));
  }

  @Test
  void verboseJsonWritesDateTimeAsEscapedMillis() throws Exception {
    assertEquals("\"\\/Date(1409260788883)\\/\"", CodecJson.writeVerbose(dateTime, MILLIS_VALUE));
  }

  @Test
  void verboseJsonWritesDateTimeOffsetAsIso() throws Exception {
    assertEquals("\"" + SPF_TEXT + "\"", CodecJson.writeVerbose(dateTimeOffset, SPF_VALUE));
  }

  @Test
  void uriLiterals() {
    assertEquals("datetime'2014-08-28T21:19:48.8838623'", dateTime.toUriLiteral(SPF_VALUE));
    assertEquals("datetimeoffset'" + SPF_TEXT + "'", dateTimeOffset.toUriLiteral(SPF_VALUE));
  }

  @Test
  void knowsItsKind() {
    assertEquals(EdmKind.DATE_TIME, dateTime.kind());
    assertEquals(EdmKind.DATE_TIME_OFFSET, dateTimeOffset.kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-02-29T00:00:00", "2020-04-31T12:00:00",
      "2020-02-30T00:00:00", "2020-01-01T24:00:00", "2020-01-01T00:00:00."})
  void impossibleDatesAreErrorsNotSilentlyMoved(String text) {
    assertThrows(ValueFormatException.class, () -> dateTime.parseText(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2014-08-28T14:19:48.8838623-07:00", "0001-01-01T00:00:00.0000000+00:00",
      "9999-12-31T23:59:59.9999999+14:00", "2026-11-28T07:14:21.7064060-09:30", "2000-02-29T12:00:00.0000001+05:45"})
  void handWrittenFormatMatchesTheFormatter(String text) {
    OffsetDateTime time = OffsetDateTime.parse(text);
    assertEquals(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").format(time),
        DateTimeCodec.format(time));
    assertEquals(text, DateTimeCodec.format(time));
  }

  @ParameterizedTest
  @CsvSource({
      "+10000-01-02T03:04:05.600Z, +10000-01-02T03:04:05.6000000+00:00",
      "+123456-06-30T12:00:00Z, +123456-06-30T12:00:00.0000000+00:00",
      "-0001-12-31T23:59:59.9999999+02:00, -0001-12-31T23:59:59.9999999+02:00",
      "-2000-01-01T00:00:00-05:30, -2000-01-01T00:00:00.0000000-05:30",
      "0000-01-01T00:00:00Z, 0000-01-01T00:00:00.0000000+00:00",
      "9999-12-31T23:59:59.9999999Z, 9999-12-31T23:59:59.9999999+00:00"})
  void yearsOutsideFourDigitsKeepTheirSignAndEveryDigit(String value, String text) {
    OffsetDateTime time = OffsetDateTime.parse(value);
    assertEquals(text, DateTimeCodec.format(time));
    assertEquals(text, dateTime.toText(time));
  }

  @Test
  void anOffsetWithSecondsIsWrittenToTheMinute() {
    OffsetDateTime time = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 100, ZoneOffset.ofHoursMinutesSeconds(1, 0, 30));
    assertEquals("2020-01-01T00:00:00.0000001+01:00", DateTimeCodec.format(time));
    OffsetDateTime west = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(-9, -30, -15));
    assertEquals("2020-01-01T00:00:00.0000000-09:30", DateTimeCodec.format(west));
  }
}
