package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.model.EdmKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuidCodecTest {

  private static final String TEXT = "d70c1a9b-c241-48f5-880a-b6c36071e653";
  private static final UUID VALUE = UUID.fromString(TEXT);

  private final PrimitiveCodec guid = PrimitiveCodecs.of(EdmKind.GUID);

  @ParameterizedTest
  @ValueSource(strings = {TEXT, "D70C1A9B-C241-48F5-880A-B6C36071E653", "{d70c1a9b-c241-48f5-880a-b6c36071e653}",
      "{D70C1A9B-C241-48F5-880A-B6C36071E653}", " d70c1a9b-c241-48f5-880a-b6c36071e653 "})
  void acceptsPlainUpperCaseAndBracedForms(String text) throws Exception {
    assertEquals(VALUE, guid.parseText(text));
    assertEquals(VALUE, CodecJson.read(guid, "\"" + text + "\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-2-3-4-5", "", "not-a-guid", "d70c1a9bc24148f5880ab6c36071e653",
      "d70c1a9b-c241-48f5-880a-b6c36071e65", "d70c1a9b-c241-48f5-880a-b6c36071e6533",
      "g70c1a9b-c241-48f5-880a-b6c36071e653", "d70c1a9-bc241-48f5-880a-b6c36071e653",
      "{d70c1a9b-c241-48f5-880a-b6c36071e653", "(d70c1a9b-c241-48f5-880a-b6c36071e653)",
      "d70c1a9b+c241-48f5-880a-b6c36071e653"})
  void rejectsAnythingButExactlyOneGuid(String text) {
    assertThrows(ValueFormatException.class, () -> guid.parseText(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "true", "{}", "[\"" + TEXT + "\"]"})
  void jsonValueMustBeAString(String json) {
    assertThrows(ValueFormatException.class, () -> CodecJson.read(guid, json));
  }

  @Test
  void writesLowerCase() throws Exception {
    UUID upper = (UUID) guid.parseText("D70C1A9B-C241-48F5-880A-B6C36071E653");

    assertEquals(TEXT, guid.toText(upper));
    assertEquals("\"" + TEXT + "\"", CodecJson.write(guid, upper));
    assertEquals("guid'" + TEXT + "'", guid.toUriLiteral(upper));
  }

  @Test
  void nonAsciiDigitsAreNotHexDigits() {
    assertThrows(ValueFormatException.class,
        () -> guid.parseText("\uFF10\uFF10000000-0000-0000-0000-000000000000"));
  }
}
