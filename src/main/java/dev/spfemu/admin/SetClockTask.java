package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code PUT /_emulator/clock} with {@code {"fixed": "2026-11-28T07:14:21Z"}} (the clock stops there)
 * or {@code {"offsetSeconds": 3600}} (it runs with the system's, shifted), so that timestamps and
 * job durations a test checks are predictable.
 */
final class SetClockTask extends JsonBodyTask {

  private final Admin admin;

  SetClockTask(Admin admin, ObjectMapper mapper) {
    super(mapper);
    this.admin = admin;
  }

  @Override
  void apply(JsonNode body, AdminResponse response) throws IOException {
    if (body.hasNonNull("fixed")) {
      admin.fixClock(Instant.parse(body.get("fixed").asText()));
    } else if (body.hasNonNull("offsetSeconds")) {
      admin.offsetClock(Duration.ofSeconds(body.get("offsetSeconds").asLong()));
    } else {
      throw new IllegalArgumentException("send {\"fixed\":\"2026-11-28T07:14:21Z\"} or {\"offsetSeconds\":3600}");
    }
    answerNow(admin, response);
  }
}
