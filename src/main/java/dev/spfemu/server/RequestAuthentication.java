package dev.spfemu.server;

import dev.spfemu.server.auth.Accounts;
import dev.spfemu.server.auth.AuthResult;
import dev.spfemu.server.auth.Authenticator;
import dev.spfemu.server.auth.Caller;
import dev.spfemu.server.auth.Scope;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee8.nested.HttpChannel;
import org.eclipse.jetty.ee8.nested.Request;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;

/**
 * The servlet side of {@link Authenticator}: a request's headers, certificate chain and connection,
 * and the connection's end, which frees its NTLM state. The OData chain uses it through
 * {@link AuthenticationFilter}; the admin API may ask {@link #authenticateUser} whether a request is
 * a configured user's (HTTP Basic or NTLM), and send {@link #challenges} with its 401.
 */
final class RequestAuthentication {

  private static final String WATCHED = RequestAuthentication.class.getName() + ".watched";

  private final Authenticator authenticator;

  RequestAuthentication(Accounts accounts) {
    this.authenticator = new Authenticator(accounts);
  }

  /** Whether any credential is configured. */
  boolean configured() {
    return authenticator.configured();
  }

  AuthResult authenticate(HttpServletRequest request, Scope scope, String subscription) {
    return authenticator.authenticate(scope, subscription, caller(request));
  }

  /** Whether the request is a configured user's, by HTTP Basic or NTLM (refused when no user is configured). */
  AuthResult authenticateUser(HttpServletRequest request) {
    return authenticator.authenticateUser(caller(request));
  }

  /** The {@code WWW-Authenticate} values of a 401 (for the admin API: {@link Scope#SPF}). */
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

  private Caller caller(HttpServletRequest request) {
    return new Caller(request::getHeader, request::getAttribute, () -> connection(request));
  }

  /** The ID of the request's connection; the first time, the connection is watched so its state goes when it closes. */
  private String connection(HttpServletRequest request) {
    Request base = Request.getBaseRequest(request);
    HttpChannel channel = base == null ? null : base.getHttpChannel();
    ConnectionMetaData meta = channel == null ? null : channel.getConnectionMetaData();
    if (meta == null) {
      return null;
    }
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
