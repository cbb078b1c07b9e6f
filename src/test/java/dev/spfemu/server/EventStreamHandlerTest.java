package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventStreamHandlerTest {

  @Test
  void theHeartbeatComesAtHalfTheIdleTimeoutAndAtLeastEvery15Seconds() {
    assertEquals(15_000, EventStreamHandler.heartbeatMillis(Duration.ofSeconds(30)), "the default idle timeout");
    assertEquals(2_000, EventStreamHandler.heartbeatMillis(Duration.ofSeconds(4)));
    assertEquals(15_000, EventStreamHandler.heartbeatMillis(Duration.ofMinutes(10)), "at most 15 s");
    assertEquals(15_000, EventStreamHandler.heartbeatMillis(Duration.ZERO), "no idle timeout");
    assertEquals(1, EventStreamHandler.heartbeatMillis(Duration.ofNanos(1)), "at least a millisecond");
  }
}
