package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.SettableClock;
import dev.spfemu.SpfEmulator;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A settable clock and seeded IDs make two runs of the same requests answer byte for byte the same. */
class DeterministicTest extends EmulatorHttpTest {

  private static final Instant T = Instant.parse("2026-11-28T07:14:21.7064060Z");

  private Response postSeed(SpfEmulator emulator) {
    return jsonLight().body(fixture("seed-request.json")).post(emulator.serviceRoot(SEED_SUBSCRIPTION) + "VMCheckPoints");
  }

  @Test
  void twoRunsAnswerTheSame() {
    try (SpfEmulator first = SpfEmulator.builder().dynamicPort().clock(SettableClock.fixedAt(T)).idSeed(42).start();
        SpfEmulator second = SpfEmulator.builder().dynamicPort().clock(SettableClock.fixedAt(T)).idSeed(42).start()) {
      Response a = postSeed(first);
      Response b = postSeed(second);
      assertEquals(201, a.statusCode());
      assertEquals(a.asString().replace(first.baseUrl(), "BASE"), b.asString().replace(second.baseUrl(), "BASE"));
      assertEquals(a.header("Location").replace(first.baseUrl(), "BASE"),
          b.header("Location").replace(second.baseUrl(), "BASE"));
      assertTrue(a.header("x-ms-request-id").matches(GUID), a.header("x-ms-request-id"));
      assertEquals(a.header("x-ms-request-id"), b.header("x-ms-request-id"));
      assertEquals("2026-11-28T07:14:21.7064060+00:00", json(a.asString()).get("AddedTime").asText());
    }
  }

  @Test
  void theClockCanBeAdvanced() {
    SettableClock clock = SettableClock.fixedAt(T);
    try (SpfEmulator emulator = SpfEmulator.builder().dynamicPort().clock(clock).start()) {
      String before = json(postSeed(emulator).then().statusCode(201).extract().asString()).get("AddedTime").asText();
      clock.advance(Duration.ofHours(1));
      String after = json(postSeed(emulator).then().statusCode(201).extract().asString()).get("AddedTime").asText();
      assertEquals("2026-11-28T07:14:21.7064060+00:00", before);
      assertEquals("2026-11-28T08:14:21.7064060+00:00", after);
    }
  }

  @Test
  void withoutASeedIdsDiffer() {
    try (SpfEmulator first = SpfEmulator.builder().dynamicPort().start();
        SpfEmulator second = SpfEmulator.builder().dynamicPort().start()) {
      String a = json(postSeed(first).then().statusCode(201).extract().asString()).get("ID").asText();
      String b = json(postSeed(second).then().statusCode(201).extract().asString()).get("ID").asText();
      assertTrue(a.matches(GUID) && b.matches(GUID), a + " / " + b);
      assertNotEquals(a, b);
    }
  }
}
