package dev.spfemu.odata.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterLiteralsTest {

  private static final Pattern DATETIME = Pattern.compile("datetime'([^']*)'");

  /** The single placeholder in {@code normalized}. */
  private static String placeholder(String normalized) {
    Matcher m = DATETIME.matcher(normalized);
    assertTrue(m.find(), "no datetime literal in " + normalized);
    return m.group(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "datetime'2020-01-01T00:00:00'                   | 2020-01-01T00:00:00Z",
      "datetime'2020-01-01T00:00'                      | 2020-01-01T00:00:00Z",
      "datetime'2020-01-01T00:00:00Z'                  | 2020-01-01T00:00:00Z",
      "datetime'2020-01-01T00:00:00+01:00'             | 2020-01-01T00:00:00+01:00",
      "datetime'2026-11-28T07:14:21.7064060'           | 2026-11-28T07:14:21.706406Z",
      "datetime'2026-11-28T07:14:21.7064061-07:00'     | 2026-11-28T07:14:21.7064061-07:00",
      "datetimeoffset'2026-11-28T07:14:21.7064060Z'    | 2026-11-28T07:14:21.706406Z",
      "DateTimeOffset'2026-11-28T08:14:21.706+01:00'   | 2026-11-28T08:14:21.706+01:00",
      "DATETIME'2020-01-01T00:00:00'                   | 2020-01-01T00:00:00Z",
  })
  void dateTimeLiteralsBecomePlaceholdersForTheExactValue(String literal, String expected) {
    FilterLiterals literals = new FilterLiterals();
    String normalized = literals.normalize("AddedTime eq " + literal);

    String placeholder = placeholder(normalized);
    assertEquals("AddedTime eq datetime'" + placeholder + "'", normalized);
    assertTrue(placeholder.startsWith("0001-01-01T"), placeholder);
    OffsetDateTime value = literals.dateTimes().get(placeholder);
    OffsetDateTime wanted = OffsetDateTime.parse(expected);
    assertEquals(wanted, value, "same instant and same offset");
    assertEquals(Map.of(placeholder, wanted), literals.dateTimes());
  }

  @Test
  void placeholdersOfOneRequestAreDistinctAcrossExpressions() {
    FilterLiterals literals = new FilterLiterals();
    String first = literals.normalize("AddedTime gt datetime'2020-01-01T00:00:00'");
    String second = literals.normalize("ModifiedTime lt datetime'2021-01-01T00:00:00'");

    String a = placeholder(first);
    String b = placeholder(second);
    assertNotEquals(a, b);
    assertEquals(2, literals.dateTimes().size());
    assertEquals(OffsetDateTime.parse("2020-01-01T00:00:00Z"), literals.dateTimes().get(a));
    assertEquals(OffsetDateTime.parse("2021-01-01T00:00:00Z"), literals.dateTimes().get(b));
  }

  @Test
  void equalLiteralsInOneExpressionGetTheirOwnPlaceholders() {
    FilterLiterals literals = new FilterLiterals();
    String normalized = literals.normalize(
        "AddedTime gt datetime'2020-01-01T00:00:00' and ModifiedTime gt datetime'2020-01-01T00:00:00Z'");

    Matcher m = DATETIME.matcher(normalized);
    assertTrue(m.find());
    String a = m.group(1);
    assertTrue(m.find());
    String b = m.group(1);
    assertNotEquals(a, b);
    assertEquals(literals.dateTimes().get(a), literals.dateTimes().get(b));
  }

  @Test
  void dateTimesIsASnapshot() {
    FilterLiterals literals = new FilterLiterals();
    literals.normalize("AddedTime gt datetime'2020-01-01T00:00:00'");
    Map<String, OffsetDateTime> snapshot = literals.dateTimes();
    literals.normalize("AddedTime gt datetime'2021-01-01T00:00:00'");

    assertEquals(1, snapshot.size());
    assertEquals(2, literals.dateTimes().size());
    assertThrows(UnsupportedOperationException.class, () -> snapshot.put("x", OffsetDateTime.MIN));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "VMId eq Guid'0DA5A0C2-1F0A-4AC4-9D11-0A0B0C0D0E0F'   | VMId eq guid'0DA5A0C2-1F0A-4AC4-9D11-0A0B0C0D0E0F'",
      "VMId eq GUID'0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f'   | VMId eq guid'0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f'",
      "VMId eq guid'{0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f}' | VMId eq guid'0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f'",
      "VMId eq Guid'{0DA5A0C2-1F0A-4AC4-9D11-0A0B0C0D0E0F}' | VMId eq guid'0DA5A0C2-1F0A-4AC4-9D11-0A0B0C0D0E0F'",
  })
  void guidPrefixesAreLowerCasedAndBracesDropped(String input, String expected) {
    FilterLiterals literals = new FilterLiterals();
    assertEquals(expected, literals.normalize(input));
    assertTrue(literals.dateTimes().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Name eq 'datetime''x'''",
      "Name eq 'Guid''{a}'''",
      "Name eq 'datetime''2020-01-01T00:00:00'''",
      "Name eq 'GUID''{0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f}''' and Description eq 'it''s'",
      "substringof('DateTime''', Name)",
  })
  void textInsideStringLiteralsIsUntouched(String expression) {
    FilterLiterals literals = new FilterLiterals();
    assertEquals(expression, literals.normalize(expression));
    assertTrue(literals.dateTimes().isEmpty());
  }

  @Test
  void stringNextToATypedLiteralStaysAsItIs() {
    FilterLiterals literals = new FilterLiterals();
    String normalized = literals.normalize("Name eq 'Guid''x''' or VMId eq Guid'{0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f}'");
    assertEquals("Name eq 'Guid''x''' or VMId eq guid'0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f'", normalized);
  }

  @Test
  void propertyNamesAndKeywordsAreNotLiterals() {
    FilterLiterals literals = new FilterLiterals();
    String expression = "not Enabled and startswith(Name, 'a') eq true and length(Description) gt 2";
    assertEquals(expression, literals.normalize(expression));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "AddedTime eq datetime'not a date'",
      "AddedTime eq datetime'2021-02-29T00:00:00'",
      "AddedTime eq datetimeoffset'2020-13-01T00:00:00Z'",
      "AddedTime eq datetime''",
  })
  void invalidDateTimeLiteralIsA400(String expression) {
    FilterLiterals literals = new FilterLiterals();
    ServiceException e = assertThrows(ServiceException.class, () -> literals.normalize(expression));
    assertEquals(400, e.status());
    assertTrue(literals.dateTimes().isEmpty());
  }

  @Test
  void anUnterminatedTypedLiteralIsLeftForOlingoToRefuse() {
    FilterLiterals literals = new FilterLiterals();
    assertEquals("AddedTime eq datetime'2020-01-01T00:00:00Z",
        literals.normalize("AddedTime eq datetime'2020-01-01T00:00:00Z"));
    assertEquals("Name eq X'AB", literals.normalize("Name eq X'AB"));
    assertTrue(literals.dateTimes().isEmpty());
  }
}
