package dev.spfemu.admin;

import java.io.IOException;

/**
 * {@code DELETE /_emulator/faults/{id}}: removes that one fault rule (204), releasing the requests
 * waiting in its delay; an ID no rule has is a 404 (an expired rule is gone too).
 */
final class RemoveFaultTask implements AdminTask {

  static final String PREFIX = "/faults/";

  private final Admin admin;

  RemoveFaultTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    String id = request.path().substring(PREFIX.length());
    if (admin.removeFault(id)) {
      response.status(204);
    } else {
      response.error(404, "No fault rule has the ID '" + id + "'; GET /_emulator/faults lists them.");
    }
  }
}
