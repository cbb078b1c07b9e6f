package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.model.EdmKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanCodecTest {

  private final PrimitiveCodec bool = PrimitiveCodecs.of(EdmKind.BOOLEAN);

  @Test
  void readsJsonLiterals() throws Exception {
    assertEquals(Boolean.TRUE, CodecJson.read(bool, "true"));
    assertEquals(Boolean.FALSE, CodecJson.read(bool, "false"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\"true\" | true", "\"false\" | false", "\"1\" | true", "\" 0 \" | false"})
  void jsonStringsAreReadAsText(String json, boolean expected) throws Exception {
    assertEquals(expected, CodecJson.read(bool, json)); // as ODataLib converts strings (dasein, CLIENTS.md D.3)
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "0", "\"yes\"", "\"TRUE\"", "\"\"", "{}"})
  void jsonRejectsNumbersAndOtherWords(String json) {
    assertThrows(ValueFormatException.class, () -> CodecJson.read(bool, json));
  }

  @ParameterizedTest
  @CsvSource({"true, true", "false, false", "1, true", "0, false", "' true ', true"})
  void textAcceptsXsdBooleanForms(String text, boolean expected) throws Exception {
    assertEquals(expected, bool.parseText(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "", "2", "TRUE", "t"})
  void textRejectsOtherWords(String text) {
    assertThrows(ValueFormatException.class, () -> bool.parseText(text));
  }

  @Test
  void writesJsonLiteralsAndText() throws Exception {
    assertEquals("true", CodecJson.write(bool, Boolean.TRUE));
    assertEquals("false", CodecJson.write(bool, Boolean.FALSE));
    assertEquals("false", bool.toText(Boolean.FALSE));
    assertEquals("true", bool.toUriLiteral(Boolean.TRUE));
  }

  @Test
  void typeIsVisibleInJsonSoFullMetadataDoesNotAnnotateIt() {
    assertFalse(bool.annotatedInFullMetadata());
  }
}
