package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.model.EdmKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringCodecTest {

  private final PrimitiveCodec string = PrimitiveCodecs.of(EdmKind.STRING);

  @Test
  void readsJsonStrings() throws Exception {
    assertEquals("Checkpoint 1", CodecJson.read(string, "\"Checkpoint 1\""));
    assertEquals("", CodecJson.read(string, "\"\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "4.2", "true", "{}", "[\"a\"]"})
  void rejectsNonStrings(String json) {
    assertThrows(ValueFormatException.class, () -> CodecJson.read(string, json));
  }

  @Test
  void textIsTakenVerbatim() throws Exception {
    assertEquals("  spaced  ", string.parseText("  spaced  "));
  }

  @Test
  void writesEscapedJsonAndDoubledQuotesInUriLiterals() throws Exception {
    assertEquals("\"say \\\"hi\\\"\"", CodecJson.write(string, "say \"hi\""));
    assertEquals("'O''Neil'", string.toUriLiteral("O'Neil"));
  }
}
