package dev.spfemu.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeTest {

  @Test
  void parsesTypeAndSubtypeWithoutParameters() {
    MediaType type = MediaType.parse("application/atom+xml");

    assertEquals("application", type.type());
    assertEquals("atom+xml", type.subtype());
    assertTrue(type.parameters().isEmpty());
    assertEquals(1.0, type.quality());
  }

  @Test
  void lowerCasesTypeAndParameterNamesButKeepsParameterValues() {
    MediaType type = MediaType.parse(" Application/JSON ; OData=MinimalMetadata ; Charset=UTF-8 ");

    assertEquals("application", type.type());
    assertEquals("json", type.subtype());
    assertEquals(Map.of("odata", "MinimalMetadata", "charset", "UTF-8"), type.parameters());
    assertTrue(type.is("application", "json"));
  }

  @Test
  void takesTheQualityOutOfTheParameters() {
    MediaType type = MediaType.parse("application/json;odata=verbose;q=0.5");

    assertEquals(0.5, type.quality());
    assertNull(type.parameter("q"));
    assertEquals("verbose", type.parameter("odata"));
  }

  @ParameterizedTest
  @CsvSource({"abc, 0", "-0.1, 0", "1.5, 0", "NaN, 0", "0, 0", "1, 1", "0.001, 0.001"})
  void clampsInvalidQualityToZero(String q, double expected) {
    assertEquals(expected, MediaType.parse("text/plain;q=" + q).quality());
  }

  @Test
  void unquotesParameterValues() {
    assertEquals("utf-8", MediaType.parse("application/xml;charset=\"utf-8\"").parameter("charset"));
  }

  @Test
  void dropsParametersWithoutName() {
    MediaType type = MediaType.parse("application/xml;=x;novalue;a=b");

    assertEquals(Map.of("a", "b"), type.parameters());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "application", "application/", "/json", "*", ";q=1"})
  void rejectsTextThatIsNotTypeSlashSubtype(String text) {
    assertNull(MediaType.parse(text));
  }

  @Test
  void rejectsNull() {
    assertNull(MediaType.parse(null));
  }

  @Test
  void recognisesWildcards() {
    assertTrue(MediaType.parse("*/*").isWildcard());
    assertFalse(MediaType.parse("application/*").isWildcard());
  }

  @Test
  void parseListKeepsHeaderOrderAndDropsMalformedRanges() {
    List<MediaType> ranges = MediaType.parseList(
        "application/atom+xml;q=0.9, garbage, application/json;odata=verbose,,*/*;q=0.1");

    assertEquals(3, ranges.size());
    assertTrue(ranges.get(0).is("application", "atom+xml"));
    assertEquals(0.9, ranges.get(0).quality());
    assertTrue(ranges.get(1).is("application", "json"));
    assertEquals("verbose", ranges.get(1).parameter("odata"));
    assertTrue(ranges.get(2).isWildcard());
    assertEquals(0.1, ranges.get(2).quality());
  }

  @Test
  void parseListOfNullIsEmpty() {
    assertTrue(MediaType.parseList(null).isEmpty());
  }
}
