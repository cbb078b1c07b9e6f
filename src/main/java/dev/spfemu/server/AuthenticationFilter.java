package dev.spfemu.server;

import dev.spfemu.error.ServiceException;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.server.auth.AuthResult;
import dev.spfemu.server.auth.Scope;
import java.io.IOException;
import java.io.InputStream;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

/**
 * Lets a request on to the OData pipeline only if {@link RequestAuthentication} accepts it for its
 * root's scope; otherwise answers the NTLM challenge, or a 401/403 OData error in the client's
 * format. An accepted principal becomes the request's {@code x-ms-principal-id} when it sent none,
 * so a new VM's {@code Owner.UserName} is the caller.
 */
final class AuthenticationFilter extends HttpFilter {

  static final String PRINCIPAL_HEADER = "x-ms-principal-id";

  private final RequestAuthentication authentication;
  private final ODataPipeline pipeline;

  AuthenticationFilter(RequestAuthentication authentication, ODataPipeline pipeline) {
    this.authentication = authentication;
    this.pipeline = pipeline;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ServiceRootPath root = ODataExchange.of(request).root();
    Scope scope = RequestAuthentication.scope(root);
    AuthResult result = authentication.authenticate(request, scope, root == null ? null : root.subscription());
    if (result instanceof AuthResult.Accepted accepted) {
      String principal = accepted.principal();
      if (principal != null) {
        request.setAttribute(AccessLog.PRINCIPAL_ATTRIBUTE, principal); // the access log names the caller
      }
      boolean sent = request.getHeader(PRINCIPAL_HEADER) != null;
      chain.doFilter(principal == null || sent ? request : new WithPrincipal(request, principal), response);
      return;
    }
    if (result instanceof AuthResult.Challenge challenge) {
      drain(request);
      response.addHeader("WWW-Authenticate", "NTLM " + challenge.challenge());
      send(request, response, 401, "The NTLM handshake goes on: answer the challenge in WWW-Authenticate with "
          + "an AUTHENTICATE message on this connection.");
      return;
    }
    AuthResult.Refused refused = (AuthResult.Refused) result;
    if (refused.status() == 401) {
      authentication.challenges(scope).forEach(value -> response.addHeader("WWW-Authenticate", value));
    }
    send(request, response, refused.status(), refused.message());
  }

  /**
   * Reads and drops the body a NEGOTIATE came with (some clients send the body with every leg), so
   * that the connection, which the handshake's next leg must use, stays open: Jetty closes one whose
   * request body was not read. A client waiting on {@code Expect: 100-continue} has sent none.
   */
  private static void drain(HttpServletRequest request) throws IOException {
    if (!"100-continue".equalsIgnoreCase(request.getHeader("Expect"))
        && request.getContentLengthLong() <= ServerChain.MAX_BODY_BYTES) {
      InputStream body = request.getInputStream();
      byte[] buffer = new byte[8192];
      long left = ServerChain.MAX_BODY_BYTES; // a chunked body, of no declared length, is bounded too
      for (int read = 0; left > 0 && read >= 0; left -= read) {
        read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
      }
    }
  }

  private void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    ODataErrorHandlers.send(pipeline.renderError(new ServiceException(status, status == 401 ? "Unauthorized"
        : "Forbidden", message), request::getHeader), response);
  }

  /** The request with the authenticated principal as its {@code x-ms-principal-id}. */
  private static final class WithPrincipal extends HttpServletRequestWrapper {
    private final String principal;

    WithPrincipal(HttpServletRequest request, String principal) {
      super(request);
      this.principal = principal;
    }

    @Override
    public String getHeader(String name) {
      return PRINCIPAL_HEADER.equalsIgnoreCase(name) ? principal : super.getHeader(name);
    }
  }
}
