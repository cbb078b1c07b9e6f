package dev.spfemu.admin;

import java.io.IOException;

/** {@code GET /_emulator/clock}: {@code {"now": "..."}}, the emulator's time, which may be fixed or shifted. */
final class GetClockTask implements AdminTask {

  private final Admin admin;

  GetClockTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    JsonBodyTask.answerNow(admin, response);
  }
}
