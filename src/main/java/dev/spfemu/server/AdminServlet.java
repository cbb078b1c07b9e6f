package dev.spfemu.server;

import com.fasterxml.jackson.core.JsonFactory;
import dev.spfemu.admin.AdminRequest;
import dev.spfemu.admin.AdminResponse;
import dev.spfemu.admin.AdminRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The admin API under {@code /_emulator/}, a path no OData root can take: adapts the servlet API to
 * {@link AdminRoutes}, which knows the operations. It stands outside the OData chain (no journal, no
 * faults, no SPF headers): the admin API is the test's side channel, not part of what it observes.
 * Who may call it, and with what, {@link AdminRoutes} decides from what this adapter passes on
 * (headers, the remote address, the scheme).
 */
final class AdminServlet extends HttpServlet {

  private final AdminRoutes routes;
  private final JsonFactory json = new JsonFactory();

  AdminServlet(AdminRoutes routes) {
    this.routes = routes;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    routes.handle(new ServletAdminRequest(request), new ServletAdminResponse(response, json));
  }

  private record ServletAdminRequest(HttpServletRequest request) implements AdminRequest {
    @Override
    public String method() {
      return request.getMethod();
    }

    @Override
    public String path() {
      return request.getPathInfo() == null ? "/" : request.getPathInfo();
    }

    @Override
    public String parameter(String name) {
      return request.getParameter(name);
    }

    @Override
    public String header(String name) {
      return request.getHeader(name);
    }

    @Override
    public String remoteAddress() {
      return request.getRemoteAddr();
    }

    @Override
    public String scheme() {
      return request.getScheme();
    }

    @Override
    public boolean hasBody() {
      return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    @Override
    public InputStream body() throws IOException {
      return request.getInputStream();
    }
  }

  private static final class ServletAdminResponse extends AdminResponse {
    private final HttpServletResponse response;

    ServletAdminResponse(HttpServletResponse response, JsonFactory json) {
      super(json);
      this.response = response;
    }

    @Override
    public void header(String name, String value) {
      response.addHeader(name, value);
    }

    @Override
    public void status(int status) {
      response.setStatus(status);
    }

    @Override
    public OutputStream jsonBody(int status) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json;charset=utf-8");
      return response.getOutputStream();
    }
  }
}
