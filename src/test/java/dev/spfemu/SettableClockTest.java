package dev.spfemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The clock stays where every format can write it: settings outside its range are refused and change nothing. */
class SettableClockTest {

  private static final Instant NOW = Instant.parse("2026-11-28T07:14:21Z");

  @Test
  void fixedTimesOutsideTheYears1900To9999AreRefused() {
    SettableClock clock = SettableClock.fixedAt(NOW);
    for (Instant outside : new Instant[] {Instant.MAX, Instant.MIN, Instant.EPOCH.minus(Duration.ofDays(36525)),
        Instant.parse("1899-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z")}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> clock.fix(outside));
      assertTrue(refused.getMessage().contains("1900-01-01T00:00:00Z"), refused.getMessage());
      assertEquals(NOW, clock.instant(), "unchanged");
    }
    assertThrows(IllegalArgumentException.class, () -> clock.fix(null));
    clock.fix(SettableClock.EARLIEST);
    clock.fix(SettableClock.LATEST);
    assertEquals(SettableClock.LATEST, clock.instant());
  }

  @Test
  void movesAndShiftsAreAtMostACenturyAndKeepTheClockInRange() {
    SettableClock clock = SettableClock.fixedAt(NOW);
    for (Duration huge : new Duration[] {Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MIN_VALUE),
        SettableClock.MAX_SHIFT.plusSeconds(1), SettableClock.MAX_SHIFT.negated().minusSeconds(1)}) {
      assertThrows(IllegalArgumentException.class, () -> clock.advance(huge));
      assertThrows(IllegalArgumentException.class, () -> clock.offset(huge));
      assertEquals(NOW, clock.instant(), "unchanged");
    }
    clock.advance(SettableClock.MAX_SHIFT);
    assertEquals(NOW.plus(SettableClock.MAX_SHIFT), clock.instant());

    clock.fix(Instant.parse("9990-01-01T00:00:00Z"));
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofDays(3660)), "past 9999");
    assertEquals(Instant.parse("9990-01-01T00:00:00Z"), clock.instant());

    SettableClock running = SettableClock.over(Clock.fixed(Instant.parse("1950-01-01T00:00:00Z"), ZoneOffset.UTC));
    assertThrows(IllegalArgumentException.class, () -> running.offset(Duration.ofDays(-365 * 60)), "before 1900");
    assertThrows(IllegalArgumentException.class, () -> running.advance(Duration.ofDays(-365 * 60)));
    running.offset(Duration.ofDays(-365 * 40));
    assertTrue(running.instant().isAfter(SettableClock.EARLIEST));
  }
}
