package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.model.EdmKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegerCodecTest {

  @ParameterizedTest
  @CsvSource({
      "INT32, 2147483647", "INT32, -2147483648", "INT32, 0",
      "INT16, 32767", "INT16, -32768",
      "BYTE, 0", "BYTE, 255",
      "SBYTE, -128", "SBYTE, 127"})
  void acceptsValuesInRange(EdmKind kind, String text) throws Exception {
    PrimitiveCodec codec = PrimitiveCodecs.of(kind);
    Integer expected = Integer.valueOf(text);

    assertEquals(expected, codec.parseText(text));
    assertEquals(expected, CodecJson.read(codec, text));
  }

  @ParameterizedTest
  @CsvSource({
      "INT32, 2147483648", "INT32, -2147483649",
      "INT16, 32768", "INT16, -32769",
      "BYTE, -1", "BYTE, 256",
      "SBYTE, 128", "SBYTE, -129"})
  void rejectsValuesOutOfRange(EdmKind kind, String text) {
    PrimitiveCodec codec = PrimitiveCodecs.of(kind);

    assertThrows(ValueFormatException.class, () -> codec.parseText(text));
    assertThrows(ValueFormatException.class, () -> CodecJson.read(codec, text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"INT32 | \"5\" | 5", "INT32 | \"-1\" | -1", "BYTE | \" 255 \" | 255",
      "INT16 | \"+7\" | 7"})
  void jsonStringsAreReadAsText(EdmKind kind, String json, int expected) throws Exception {
    assertEquals(expected, CodecJson.read(PrimitiveCodecs.of(kind), json)); // as ODataLib converts strings
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"INT32 | 1.5", "INT32 | \"five\"", "INT32 | \"1.5\"", "BYTE | \"256\"",
      "INT16 | true", "BYTE | 1e2", "INT32 | \"\""})
  void jsonValueMustBeAnIntegerNumberOrItsText(EdmKind kind, String json) {
    assertThrows(ValueFormatException.class, () -> CodecJson.read(PrimitiveCodecs.of(kind), json));
  }

  @Test
  void textRejectsNonNumbers() {
    PrimitiveCodec int32 = PrimitiveCodecs.of(EdmKind.INT32);

    assertThrows(ValueFormatException.class, () -> int32.parseText("abc"));
    assertThrows(ValueFormatException.class, () -> int32.parseText("1.0"));
    assertThrows(ValueFormatException.class, () -> int32.parseText(""));
  }

  @Test
  void writesJsonNumbers() throws Exception {
    assertEquals("-32768", CodecJson.write(PrimitiveCodecs.of(EdmKind.INT16), -32768));
    assertEquals("2147483647", CodecJson.write(PrimitiveCodecs.of(EdmKind.INT32), Integer.MAX_VALUE));
  }
}
