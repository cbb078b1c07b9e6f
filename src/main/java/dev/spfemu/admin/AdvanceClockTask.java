package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code POST /_emulator/clock/advance} with {@code {"seconds": 60}}: moves the clock on, so a test
 * sees a running job finish without waiting for it.
 */
final class AdvanceClockTask extends JsonBodyTask {

  private final Admin admin;

  AdvanceClockTask(Admin admin, ObjectMapper mapper) {
    super(mapper);
    this.admin = admin;
  }

  @Override
  void apply(JsonNode body, AdminResponse response) throws IOException {
    if (!body.hasNonNull("seconds")) {
      throw new IllegalArgumentException("send {\"seconds\":60}");
    }
    admin.advanceClock(Duration.ofSeconds(body.get("seconds").asLong()));
    answerNow(admin, response);
  }
}
