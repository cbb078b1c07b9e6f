package dev.spfemu.admin;

/** {@code DELETE /_emulator/faults}: removes every fault rule, so requests are served normally again. */
final class ClearFaultsTask implements AdminTask {

  private final Admin admin;

  ClearFaultsTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) {
    admin.clearFaults();
    response.status(204);
  }
}
