package dev.spfemu.admin;

import java.io.IOException;

/**
 * {@code GET /_emulator/health}: {@code {"status":"ok"}}. The server answers only once the world is
 * loaded, so a 200 here tells a script waiting on a starting emulator that it can go on.
 */
final class HealthTask implements AdminTask {

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    response.field(200, "status", "ok");
  }
}
