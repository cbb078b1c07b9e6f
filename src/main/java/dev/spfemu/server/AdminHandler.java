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
  private final EventStreamHandler events;
  private final JsonFactory json = new JsonFactory();

  AdminHandler(AdminRoutes routes, EventStreamHandler events) {
    this.routes = routes;
    this.events = events;
  }

  /** Whether a decoded, normalised request path is the admin API's. */
  static boolean covers(String path) {
    return path != null && path.startsWith(PATH) && (path.length() == PATH.length() || path.charAt(PATH.length()) == '/');
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    CoreAdminRequest call = new CoreAdminRequest(request);
    CoreAdminResponse answer = new CoreAdminResponse(response, json);
    if (!call.method().equals("GET") || !call.path().equals(AdminRoutes.EVENTS)) {
      routes.handle(call, answer);
    } else if (routes.admits(call, answer)) {
      if (events.open(request, response, callback)) {
        return true; // the response is the stream's now, open until the page or the emulator goes
      }
      answer.error(503, "As many pages as --max-event-streams allows listen to /_emulator/events already. Close"
          + " one, or start the emulator with a higher --max-event-streams.");
    }
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
    public OutputStream body(int status, String contentType) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
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
