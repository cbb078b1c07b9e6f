package dev.spfemu.admin;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code GET /_emulator/state}: the whole state as a world file (docs/scenario.md), streamed, so
 * that a test can save what it built and start another emulator from it.
 */
final class GetStateTask implements AdminTask {

  private final Admin admin;

  GetStateTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    try (OutputStream out = response.jsonBody(200)) {
      admin.exportState(out);
    }
  }
}
