package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.model.EdmKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Int64CodecTest {

  private final PrimitiveCodec int64 = PrimitiveCodecs.of(EdmKind.INT64);

  @Test
  void writesAJsonString() throws Exception {
    assertEquals("\"4194304\"", CodecJson.write(int64, 4194304L));
    assertEquals("\"9223372036854775807\"", CodecJson.write(int64, Long.MAX_VALUE));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"4194304\" | 4194304",
      "4194304 | 4194304",
      "\"9223372036854775807\" | 9223372036854775807",
      "-9223372036854775808 | -9223372036854775808"})
  void readsAStringOrANumber(String json, long expected) throws Exception {
    assertEquals(expected, CodecJson.read(int64, json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "true", "\"abc\"", "\"9223372036854775808\"", "{}"})
  void rejectsOtherJson(String json) {
    assertThrows(ValueFormatException.class, () -> CodecJson.read(int64, json));
  }

  @Test
  void textAcceptsTheLiteralSuffix() throws Exception {
    assertEquals(12L, int64.parseText("12L"));
    assertEquals(12L, int64.parseText(" 12 "));
    assertThrows(ValueFormatException.class, () -> int64.parseText("twelve"));
  }

  @Test
  void uriLiteralHasTheSuffix() {
    assertEquals("12L", int64.toUriLiteral(12L));
  }
}
