package dev.spfemu.server;

import com.fasterxml.jackson.core.JsonFactory;
import dev.spfemu.admin.AdminRequest;
import dev.spfemu.admin.AdminResponse;
import dev.spfemu.admin.AdminRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The admin API under {@code /_emulator/}, a path no OData root can take: adapts Jetty's requests to
 * {@link AdminRoutes}, which knows the operations. It stands outside the OData chain (no journal, no
 * faults, no SPF headers): the admin API is the test's side channel, not part of what it observes.
 * Who may call it, and with what, {@link AdminRoutes} decides from what this adapter passes on
 * (headers, the remote address, the scheme).
 */
final class AdminHandler extends Handler.Abstract {

  /** The path the admin API lives under. */
  static final String PATH = "/_emulator";

  private final AdminRoutes routes;
  private final JsonFactory json = new JsonFactory();

  AdminHandler(AdminRoutes routes) {
    this.routes = routes;
  }

  /** Whether a decoded, normalised request path is the admin API's. */
  static boolean covers(String path) {
    return path != null && path.startsWith(PATH) && (path.length() == PATH.length() || path.charAt(PATH.length()) == '/');
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    CoreAdminResponse answer = new CoreAdminResponse(response, json);
    routes.handle(new CoreAdminRequest(request), answer);
    answer.finish(callback);
    return true;
  }

  private static final class CoreAdminRequest implements AdminRequest {
    private final Request request;
    private Fields query;

    CoreAdminRequest(Request request) {
      this.request = request;
    }

    @Override
    public String method() {
      return request.getMethod();
    }

    @Override
    public String path() {
      String path = request.getHttpURI().getCanonicalPath().substring(PATH.length());
      return path.isEmpty() ? "/" : path;
    }

    @Override
    public String parameter(String name) {
      if (query == null) {
        query = Request.extractQueryParameters(request);
      }
      return query.getValue(name);
    }

    @Override
    public String header(String name) {
      return request.getHeaders().get(name);
    }

    @Override
    public String remoteAddress() {
      return Request.getRemoteAddr(request);
    }

    @Override
    public String scheme() {
      return request.getHttpURI().getScheme();
    }

    @Override
    public boolean hasBody() {
      return BodyLoader.announcesBody(request);
    }

    @Override
    public InputStream body() {
      return Content.Source.asInputStream(request);
    }
  }

  private static final class CoreAdminResponse extends AdminResponse {
    private final Response response;
    private ResponseBody body;

    CoreAdminResponse(Response response, JsonFactory json) {
      super(json);
      this.response = response;
    }

    @Override
    public void header(String name, String value) {
      response.getHeaders().add(name, value);
    }

    @Override
    public void status(int status) {
      response.setStatus(status);
    }

    @Override
    public OutputStream jsonBody(int status) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
      if (body == null) {
        body = ResponseBody.streamed(response);
      }
      return body;
    }

    /** Sends what is left of the body, if one was begun, then completes {@code callback}. */
    void finish(Callback callback) {
      if (body != null) {
        body.send(callback);
      } else {
        callback.succeeded();
      }
    }
  }
}
