package dev.spfemu.admin;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code GET /_emulator/overview}: what the live page draws, in one JSON document (docs/demo.md):
 * per subscription its clouds, quotas, VMs with adapters and checkpoint trees, and newest jobs,
 * each list cut to a size a page can show. Unlike {@code GET /_emulator/state} it stays small
 * however large the world is.
 */
final class OverviewTask implements AdminTask {

  private final Admin admin;

  OverviewTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    response.header("Cache-Control", "no-cache");
    try (OutputStream out = response.jsonBody(200)) {
      admin.writeOverview(out);
    }
  }
}
