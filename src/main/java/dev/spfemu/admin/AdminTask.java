package dev.spfemu.admin;

import java.io.IOException;

/**
 * One admin operation: the route table picks it by method and path. A task depends on the
 * {@link Admin} interface only, never on the server, so it is tested with a fake emulator.
 */
@FunctionalInterface
interface AdminTask {

  void handle(AdminRequest request, AdminResponse response) throws IOException;
}
