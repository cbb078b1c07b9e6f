package dev.spfemu.server;

import dev.spfemu.server.auth.Accounts;
import dev.spfemu.server.auth.AuthResult;
import dev.spfemu.server.auth.Authenticator;
import dev.spfemu.server.auth.Caller;
import dev.spfemu.server.auth.Scope;
import java.util.List;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;

/**
 * Jetty's side of {@link Authenticator}: a request's headers, certificate chain and connection,
 * and the connection's end, which frees its NTLM state. The OData chain uses it through
 * {@link AuthenticationStage}, which sends {@link #challenges} with its 401.
 */
final class RequestAuthentication {

  private static final String WATCHED = RequestAuthentication.class.getName() + ".watched";

  private final Authenticator authenticator;

  RequestAuthentication(Accounts accounts) {
    this.authenticator = new Authenticator(accounts);
  }

  AuthResult authenticate(Request request, Scope scope, String subscription) {
    return authenticator.authenticate(scope, subscription, caller(request));
  }

  /** The {@code WWW-Authenticate} values of a 401 on a root of {@code scope}. */
  List<String> challenges(Scope scope) {
    return authenticator.challenges(scope);
  }

  /** The scope of a service root: which credentials it takes. */
  static Scope scope(ServiceRootPath root) {
    if (root == null) {
      return Scope.ANY;
    }
    if (root.tenantApi()) {
      return Scope.TENANT;
    }
    boolean wapAdmin = root.service() == ServiceRootPath.Service.VMM && root.subscription() == null
        && root.rootPath().regionMatches(true, 0, "/services/", 0, "/services/".length());
    return wapAdmin ? Scope.WAP_ADMIN : Scope.SPF;
  }

  private Caller caller(Request request) {
    return new Caller(name -> request.getHeaders().get(name), name -> attribute(request, name),
        () -> connection(request));
  }

  /** A request attribute; the verified client certificate chain under the servlet API's name. */
  private static Object attribute(Request request, String name) {
    if (Caller.CERTIFICATES.equals(name)) {
      return request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls
          ? tls.peerCertificates() : null;
    }
    return request.getAttribute(name);
  }

  private String connection(Request request) {
    ConnectionMetaData meta = request.getConnectionMetaData();
    String id = meta.getId();
    if (meta.getAttribute(WATCHED) == null) {
      meta.setAttribute(WATCHED, Boolean.TRUE);
      meta.getConnection().addEventListener(new Connection.Listener() {
        @Override
        public void onClosed(Connection connection) {
          authenticator.connectionClosed(id);
        }
      });
    }
    return id;
  }
}
