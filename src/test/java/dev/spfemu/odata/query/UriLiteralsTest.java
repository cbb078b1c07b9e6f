package dev.spfemu.odata.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.format.codec.ValueFormatException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriLiteralsTest {

  static Stream<Arguments> literals() {
    return Stream.of(
        Arguments.of(null, "null"),
        Arguments.of("plain", "'plain'"),
        Arguments.of("it's 'quoted'", "'it''s ''quoted'''"),
        Arguments.of("", "''"),
        Arguments.of("a,b", "'a,b'"),
        Arguments.of(UUID.fromString("f0000000-0000-0000-0000-00000000000a"),
            "guid'f0000000-0000-0000-0000-00000000000a'"),
        Arguments.of(OffsetDateTime.parse("2026-11-28T08:14:21.7064060+01:00"),
            "datetime'2026-11-28T08:14:21.7064060+01:00'"),
        Arguments.of(OffsetDateTime.parse("2020-01-01T00:00:00Z"), "datetime'2020-01-01T00:00:00.0000000+00:00'"),
        Arguments.of(OffsetDateTime.parse("2020-01-01T00:00:00.0000001-07:30"),
            "datetime'2020-01-01T00:00:00.0000001-07:30'"),
        Arguments.of(42L, "42L"),
        Arguments.of(-9223372036854775808L, "-9223372036854775808L"),
        Arguments.of(new BigDecimal("1234567890.0123456789"), "1234567890.0123456789M"),
        Arguments.of(new BigDecimal("1E+3"), "1000M"),
        Arguments.of(2.5, "2.5D"),
        Arguments.of(-1.0E20, "-1.0E20D"),
        Arguments.of(7, "7"),
        Arguments.of(-7, "-7"),
        Arguments.of(true, "true"),
        Arguments.of(false, "false"));
  }

  @ParameterizedTest
  @MethodSource("literals")
  void formatThenParseGivesTheValueBack(Object value, String expectedLiteral) throws ValueFormatException {
    String literal = UriLiterals.format(value);
    assertEquals(expectedLiteral, literal);
    Object parsed = UriLiterals.parse(literal);
    if (value == null) {
      assertNull(parsed);
    } else {
      assertEquals(value.getClass(), parsed.getClass(), literal);
      if (value instanceof BigDecimal d) {
        assertEquals(0, d.compareTo((BigDecimal) parsed), literal);
      } else {
        assertEquals(value, parsed, literal + " keeps every digit and the offset");
      }
    }
  }

  @Test
  void binaryRoundTrips() throws ValueFormatException {
    byte[] bytes = {0, 1, (byte) 0xff};
    assertArrayEquals(bytes, (byte[]) UriLiterals.parse(UriLiterals.format(bytes)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Guid'F0000000-0000-0000-0000-00000000000A'", " guid'f0000000-0000-0000-0000-00000000000a' "})
  void parseIsLenientAboutCaseAndSpace(String literal) throws ValueFormatException {
    assertEquals(UUID.fromString("f0000000-0000-0000-0000-00000000000a"), UriLiterals.parse(literal));
  }

  @Test
  void parseReadsClientForms() throws ValueFormatException {
    assertEquals(OffsetDateTime.parse("2020-01-01T00:00:00Z"), UriLiterals.parse("datetime'2020-01-01T00:00:00'"));
    assertEquals(OffsetDateTime.parse("2020-01-01T00:00:00+02:00"),
        UriLiterals.parse("datetimeoffset'2020-01-01T00:00:00+02:00'"));
    assertEquals(42L, UriLiterals.parse("42l"));
    assertEquals(1.5, UriLiterals.parse("1.5d"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'unterminated", "'", "nonsense", "foo'bar'", "guid'xyz'", "datetime'2021-02-29T00:00:00'",
      "1.5", "L", "", "12.5L"})
  void parseRejectsWhatFormatNeverWrites(String literal) {
    assertThrows(ValueFormatException.class, () -> UriLiterals.parse(literal));
  }

  @Test
  void splitRespectsQuotedCommas() throws ValueFormatException {
    assertEquals(List.of("'a,b'", "'c''d,e'", "1", "guid'f0000000-0000-0000-0000-00000000000a'"),
        UriLiterals.split("'a,b','c''d,e',1,guid'f0000000-0000-0000-0000-00000000000a'"));
    assertEquals(List.of("''", "null"), UriLiterals.split("'',null"));
    assertEquals(List.of("1"), UriLiterals.split("1"));
    assertEquals(List.of("", ""), UriLiterals.split(","));
  }

  @Test
  void splitRejectsAnUnterminatedQuote() {
    assertThrows(ValueFormatException.class, () -> UriLiterals.split("'a,b"));
    assertThrows(ValueFormatException.class, () -> UriLiterals.split("'it''s,1"));
  }

  @Test
  void formattedTuplesSplitAndParseBack() throws ValueFormatException {
    List<Object> tuple = Arrays.asList("x, 'y'", null, UUID.fromString("80000000-0000-0000-0000-000000000000"),
        OffsetDateTime.parse("2026-11-28T07:14:21.7064060Z"), 3, 4L, true);
    StringBuilder token = new StringBuilder();
    for (Object value : tuple) {
      token.append(token.length() == 0 ? "" : ",").append(UriLiterals.format(value));
    }
    List<String> literals = UriLiterals.split(token.toString());
    assertEquals(tuple.size(), literals.size());
    for (int i = 0; i < tuple.size(); i++) {
      assertEquals(tuple.get(i), UriLiterals.parse(literals.get(i)));
    }
  }

  @Test
  void aTrailingLetterThatIsNoSuffixIsRejected() {
    assertThrows(ValueFormatException.class, () -> UriLiterals.parse("12x"));
  }

  @Test
  void infinitiesRoundTrip() throws ValueFormatException {
    assertEquals(Double.POSITIVE_INFINITY, UriLiterals.parse(UriLiterals.format(Double.POSITIVE_INFINITY)));
    assertEquals(Double.NEGATIVE_INFINITY, UriLiterals.parse(UriLiterals.format(Double.NEGATIVE_INFINITY)));
  }
}
