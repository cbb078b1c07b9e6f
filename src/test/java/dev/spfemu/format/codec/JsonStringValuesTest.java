package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.EdmKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every primitive type reads a JSON string holding its text form, with the rules of that text form,
 * as ODataLib converts request values (CLIENTS.md D.7 item 11; dasein sends every value so).
 */
class JsonStringValuesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN | true", "BOOLEAN | 0",
      "BYTE | 4", "SBYTE | -4", "INT16 | -1", "INT32 | 2147483647",
      "INT64 | 9223372036854775807", "DECIMAL | 12.50", "DOUBLE | 1.5", "DOUBLE | INF", "SINGLE | -2.5",
      "GUID | F11B61FA-B5C7-4807-93B4-F9B371896C6F",
      "DATE_TIME | 2014-08-28T14:19:48.8838623-07:00", "DATE_TIME_OFFSET | 2026-11-28T07:14:21Z",
      "TIME | PT13H20M", "BINARY | AQID", "STRING | 42"})
  void aJsonStringIsReadAsTheTypesText(EdmKind kind, String text) throws Exception {
    PrimitiveCodec codec = PrimitiveCodecs.of(kind);

    Object fromJson = CodecJson.read(codec, "\"" + text + "\"");
    Object fromText = codec.parseText(text);

    if (fromText instanceof byte[] bytes) {
      assertArrayEquals(bytes, (byte[]) fromJson);
    } else {
      assertEquals(fromText, fromJson);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN | yes", "BYTE | 256", "INT32 | four", "INT64 | 1.5", "DECIMAL | ten", "DOUBLE | x",
      "GUID | not-a-guid", "DATE_TIME | yesterday", "TIME | 13:20"})
  void aStringThatIsNotAValueIsRefusedWithTheValue(EdmKind kind, String text) {
    ValueFormatException e = assertThrows(ValueFormatException.class,
        () -> CodecJson.read(PrimitiveCodecs.of(kind), "\"" + text + "\""));

    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
