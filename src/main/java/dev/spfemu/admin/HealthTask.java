package dev.spfemu.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * {@code GET /_emulator/health}: {@code {"status":"ok"}}. The server answers only once the world is
 * loaded, so a 200 here tells a script waiting on a starting emulator that it can go on. A degraded
 * emulator (it ran out of memory while answering, or every thread is busy and requests queue)
 * answers {@code 503 {"status":"degraded","reason":"…"}}, so a health check that looks at the status
 * alone ({@code curl -f}) sees it too.
 */
final class HealthTask implements AdminTask {

  private final Health health;

  HealthTask(Health health) {
    this.health = health;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    String problem = health.problem();
    if (problem == null) {
      response.field(200, "status", "ok");
      return;
    }
    try (JsonGenerator g = response.json(503)) {
      g.writeStartObject();
      g.writeStringField("status", "degraded");
      g.writeStringField("reason", problem);
      g.writeEndObject();
    }
  }
}
