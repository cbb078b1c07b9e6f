package dev.spfemu.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends {@code /_emulator} and everything under it to the admin API's servlet context, and every
 * other request to the OData chain. The path compared is the decoded, normalised one, as the servlet
 * mapping {@code /_emulator/*} compared it.
 */
final class AdminOrOData extends Handler.Wrapper {

  private static final String ADMIN = "/_emulator";

  private final Handler admin;

  AdminOrOData(Handler admin, Handler odata) {
    super(odata);
    this.admin = admin;
    addBean(admin);
  }

  @Override
  public void setServer(org.eclipse.jetty.server.Server server) {
    super.setServer(server);
    admin.setServer(server);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getCanonicalPath();
    boolean toAdmin = path != null && path.startsWith(ADMIN)
        && (path.length() == ADMIN.length() || path.charAt(ADMIN.length()) == '/');
    return toAdmin ? admin.handle(request, response, callback) : super.handle(request, response, callback);
  }
}
