package dev.spfemu.admin;

/** {@code DELETE /_emulator/requests}: empties the journal, so a test can look at its own requests only. */
final class ClearRequestsTask implements AdminTask {

  private final Admin admin;

  ClearRequestsTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) {
    admin.clearRequests();
    response.status(204);
  }
}
