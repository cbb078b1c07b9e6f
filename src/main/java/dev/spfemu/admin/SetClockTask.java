package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * {@code PUT /_emulator/clock} with {@code {"fixed": "2026-11-28T07:14:21Z"}} (the clock stops there)
 * or {@code {"offsetSeconds": 3600}} (it runs with the system's, shifted), so that timestamps and
 * job durations a test checks are predictable. A time outside the years 1900–9999, or a shift of
 * more than a century, is a 400 (the range of the emulator's clock).
 */
final class SetClockTask extends JsonBodyTask {

  private final Admin admin;

  SetClockTask(Admin admin, Supplier<ObjectMapper> mapper) {
    super(mapper);
    this.admin = admin;
  }

  @Override
  void apply(JsonNode body, AdminResponse response) throws IOException {
    if (body.hasNonNull("fixed")) {
      admin.fixClock(instant(body.get("fixed")));
    } else if (body.hasNonNull("offsetSeconds")) {
      admin.offsetClock(Duration.ofSeconds(wholeNumber(body, "offsetSeconds", "{\"offsetSeconds\":3600}")));
    } else {
      throw new IllegalArgumentException("send {\"fixed\":\"2026-11-28T07:14:21Z\"} or {\"offsetSeconds\":3600}");
    }
    answerNow(admin, response);
  }

  private static Instant instant(JsonNode fixed) {
    try {
      return Instant.parse(fixed.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'fixed' must be an ISO-8601 UTC time such as 2026-11-28T07:14:21Z, not "
          + fixed);
    }
  }
}
