package dev.spfemu.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestVersionsTest {

  @Test
  void noHeadersGiveTheDefaultWithMaximumThree() {
    RequestVersions versions = RequestVersions.parse(null, null, null);

    assertSame(RequestVersions.DEFAULT, versions);
    assertNull(versions.dataServiceVersion());
    assertEquals(ProtocolVersion.V3, versions.max());
    assertEquals(ProtocolVersion.V1, versions.min());
  }

  @Test
  void missingMaximumDefaultsToThree() {
    RequestVersions versions = RequestVersions.parse("1.0;NetFx", null, null);

    assertEquals(ProtocolVersion.V1, versions.dataServiceVersion());
    assertEquals(ProtocolVersion.V3, versions.max());
    assertEquals(ProtocolVersion.V1, versions.min());
  }

  @Test
  void parsesAllThreeHeaders() {
    RequestVersions versions = RequestVersions.parse("1.0;", "2.0;NetFx", "2.0");

    assertEquals(new RequestVersions(ProtocolVersion.V1, ProtocolVersion.V2, ProtocolVersion.V2), versions);
  }

  @Test
  void unsupportedMaximumIsA400() {
    ServiceException e = assertThrows(ServiceException.class, () -> RequestVersions.parse(null, "4.0", null));

    assertEquals(400, e.status());
    assertEquals("UnsupportedDataServiceVersion", e.code());
  }

  @Test
  void malformedMinimumIsA400() {
    ServiceException e = assertThrows(ServiceException.class, () -> RequestVersions.parse(null, null, "abc"));

    assertEquals(400, e.status());
    assertEquals("InvalidDataServiceVersion", e.code());
    assertTrue(e.getMessage().contains("MinDataServiceVersion"), e.getMessage());
  }

  static Stream<Arguments> consistentBounds() {
    List<Arguments> cases = new ArrayList<>();
    for (ProtocolVersion min : ProtocolVersion.values()) {
      for (ProtocolVersion max : ProtocolVersion.values()) {
        if (max.atLeast(min)) {
          for (ProtocolVersion needed : ProtocolVersion.values()) {
            cases.add(Arguments.of(min, max, needed));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("consistentBounds")
  void responseVersionStaysWithinTheClientsBounds(ProtocolVersion min, ProtocolVersion max,
      ProtocolVersion needed) {
    ProtocolVersion answer = new RequestVersions(null, max, min).responseVersion(needed);

    assertTrue(max.atLeast(answer), "above max: " + answer);
    assertTrue(answer.atLeast(min), "below min: " + answer);
    if (needed.atLeast(min) && max.atLeast(needed)) {
      assertEquals(needed, answer);
    }
  }

  @Test
  void responseVersionIsCappedByMaximum() {
    RequestVersions v2Client = RequestVersions.parse(null, "2.0", null);

    assertEquals(ProtocolVersion.V2, v2Client.responseVersion(ProtocolVersion.V3));
  }

  @Test
  void responseVersionIsRaisedToMinimum() {
    RequestVersions v3Floor = RequestVersions.parse(null, "3.0", "3.0");

    assertEquals(ProtocolVersion.V3, v3Floor.responseVersion(ProtocolVersion.V1));
  }

  @Test
  void minimumAboveMaximumIsA400() {
    ServiceException e = assertThrows(
        ServiceException.class, () -> RequestVersions.parse(null, "2.0", "3.0"));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("MinDataServiceVersion 3.0"), e.getMessage());
  }
}
