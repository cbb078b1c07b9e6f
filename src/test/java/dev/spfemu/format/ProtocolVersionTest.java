package dev.spfemu.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3.0;NetFx | V3",
      "3.0 | V3",
      "2.0 | V2",
      "1.0; | V1",
      " 2.0 ;NetFx | V2"})
  void parsesKnownVersionsIgnoringTheAgent(String header, ProtocolVersion expected) {
    assertEquals(expected, ProtocolVersion.parseHeader("DataServiceVersion", header));
  }

  @Test
  void absentHeaderIsNull() {
    assertNull(ProtocolVersion.parseHeader("DataServiceVersion", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.0", "4.0;NetFx", "0.9", "3.1"})
  void wellFormedButUnknownVersionIsUnsupported(String header) {
    ServiceException e = assertThrows(ServiceException.class,
        () -> ProtocolVersion.parseHeader("MaxDataServiceVersion", header));

    assertEquals(400, e.status());
    assertEquals("UnsupportedDataServiceVersion", e.code());
    assertTrue(e.getMessage().contains("MaxDataServiceVersion"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "", "3", "3.0.1", "v3.0"})
  void malformedVersionIsInvalid(String header) {
    ServiceException e = assertThrows(ServiceException.class,
        () -> ProtocolVersion.parseHeader("DataServiceVersion", header));

    assertEquals(400, e.status());
    assertEquals("InvalidDataServiceVersion", e.code());
  }

  @Test
  void headerValueHasTheTrailingSemicolon() {
    assertEquals("3.0;", ProtocolVersion.V3.headerValue());
    assertEquals("1.0", ProtocolVersion.V1.text());
  }

  @Test
  void ordersVersions() {
    assertTrue(ProtocolVersion.V3.atLeast(ProtocolVersion.V2));
    assertTrue(ProtocolVersion.V2.atLeast(ProtocolVersion.V2));
    assertFalse(ProtocolVersion.V1.atLeast(ProtocolVersion.V2));
    assertEquals(ProtocolVersion.V3, ProtocolVersion.max(ProtocolVersion.V1, ProtocolVersion.V3));
    assertEquals(ProtocolVersion.V1, ProtocolVersion.min(ProtocolVersion.V1, ProtocolVersion.V3));
  }
}
