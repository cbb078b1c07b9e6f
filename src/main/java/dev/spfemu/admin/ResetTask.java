package dev.spfemu.admin;

import java.io.IOException;

/**
 * {@code POST /_emulator/reset}: back to the starting world, or with {@code ?subscription=ID} only
 * that subscription's part of it, so tests sharing an emulator can each clean up their own tenant.
 */
final class ResetTask implements AdminTask {

  private final Admin admin;

  ResetTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    String subscription = request.parameter("subscription");
    if (subscription == null) {
      admin.reset();
    } else {
      try {
        admin.reset(subscription);
      } catch (IllegalArgumentException e) {
        response.error(400, e.getMessage());
        return;
      }
    }
    response.status(204);
  }
}
