package dev.spfemu.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends {@code /_emulator} and everything under it to the admin API, and every other request to the
 * OData chain. The path compared is the decoded, normalised one, so no spelling of it reaches the
 * OData chain.
 */
final class AdminOrOData extends Handler.Wrapper {

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

  /** Non-blocking as the OData chain is; the admin API, which reads and writes as streams, runs on a worker. */
  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!AdminHandler.covers(request.getHttpURI().getCanonicalPath())) {
      return super.handle(request, response, callback);
    }
    request.getContext().execute(() -> {
      try {
        admin.handle(request, response, callback);
      } catch (Throwable failure) {
        callback.failed(failure);
      }
    });
    return true;
  }
}
