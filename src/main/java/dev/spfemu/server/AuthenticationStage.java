package dev.spfemu.server;

import dev.spfemu.error.ServiceException;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.server.auth.AuthResult;
import dev.spfemu.server.auth.Scope;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Lets a request on to the OData pipeline only if {@link RequestAuthentication} accepts it for its
 * root's scope; otherwise answers the NTLM challenge, or a 401/403 OData error in the client's
 * format. An accepted principal becomes the request's {@code x-ms-principal-id} when it sent none,
 * so a new VM's {@code Owner.UserName} is the caller.
 */
final class AuthenticationStage implements Stage {

  private final RequestAuthentication authentication;
  private final ODataPipeline pipeline;

  AuthenticationStage(RequestAuthentication authentication, ODataPipeline pipeline) {
    this.authentication = authentication;
    this.pipeline = pipeline;
  }

  @Override
  public void handle(ODataExchange exchange, Next next) throws IOException {
    ServiceRootPath root = exchange.root();
    Scope scope = RequestAuthentication.scope(root);
    Request request = exchange.request();
    AuthResult result = authentication.authenticate(request, scope, root == null ? null : root.subscription());
    if (result instanceof AuthResult.Accepted accepted) {
      String principal = accepted.principal();
      if (principal != null) {
        request.setAttribute(AccessLog.PRINCIPAL_ATTRIBUTE, principal); // the access log names the caller
        exchange.principal(principal);
      }
      next.handle(exchange);
      return;
    }
    HttpFields.Mutable headers = exchange.response().getHeaders();
    if (result instanceof AuthResult.Challenge challenge) {
      drain(exchange);
      headers.add("WWW-Authenticate", "NTLM " + challenge.challenge());
      send(exchange, 401, "The NTLM handshake goes on: answer the challenge in WWW-Authenticate with "
          + "an AUTHENTICATE message on this connection.");
      return;
    }
    AuthResult.Refused refused = (AuthResult.Refused) result;
    if (refused.status() == 401) {
      authentication.challenges(scope).forEach(value -> headers.add("WWW-Authenticate", value));
    }
    send(exchange, refused.status(), refused.message());
  }

  /**
   * Reads and drops the body a NEGOTIATE came with (some clients send the body with every leg), so
   * that the connection, which the handshake's next leg must use, stays open: Jetty closes one whose
   * request body was not read. A client waiting on {@code Expect: 100-continue} has sent none.
   */
  private static void drain(ODataExchange exchange) throws IOException {
    Request request = exchange.request();
    if (!"100-continue".equalsIgnoreCase(exchange.header("Expect")) && request.getLength() <= ServerChain.MAX_BODY_BYTES) {
      InputStream body = Content.Source.asInputStream(request);
      byte[] buffer = new byte[8192];
      long left = ServerChain.MAX_BODY_BYTES; // a chunked body, of no declared length, is bounded too
      for (int read = 0; left > 0 && read >= 0; left -= read) {
        read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
      }
    }
  }

  private void send(ODataExchange exchange, int status, String message) throws IOException {
    ODataErrorHandlers.send(pipeline.renderError(new ServiceException(status, status == 401 ? "Unauthorized"
        : "Forbidden", message), exchange::header), exchange);
  }
}
