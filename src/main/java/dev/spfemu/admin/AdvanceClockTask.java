package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code POST /_emulator/clock/advance} with {@code {"seconds": 60}}: moves the clock on, so a test
 * sees a running job finish without waiting for it. A move of more than a century, or one that takes
 * the clock out of the years 1900–9999, is a 400 (the range of the emulator's clock).
 */
final class AdvanceClockTask extends JsonBodyTask {

  private final Admin admin;

  AdvanceClockTask(Admin admin, Supplier<ObjectMapper> mapper) {
    super(mapper);
    this.admin = admin;
  }

  @Override
  void apply(JsonNode body, AdminResponse response) throws IOException {
    admin.advanceClock(Duration.ofSeconds(wholeNumber(body, "seconds", "{\"seconds\":60}")));
    answerNow(admin, response);
  }
}
