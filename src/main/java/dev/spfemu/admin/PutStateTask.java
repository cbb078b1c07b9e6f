package dev.spfemu.admin;

import java.io.IOException;

/**
 * {@code PUT /_emulator/state}: replaces the whole state with a world file; one that is not a valid
 * world is a 400 naming what is wrong.
 */
final class PutStateTask implements AdminTask {

  private final Admin admin;

  PutStateTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    try {
      admin.importState(request.body(), "the imported state");
      response.status(204);
    } catch (IllegalArgumentException e) {
      response.error(400, e.getMessage());
    }
  }
}
