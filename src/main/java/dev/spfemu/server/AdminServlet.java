package dev.spfemu.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.admin.Admin;
import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The admin HTTP API under {@code /_emulator/}, a path no OData root can take: health, reset,
 * export and import of the state, and the request journal. Answers plain JSON.
 */
final class AdminServlet extends HttpServlet {

  private final Admin admin;
  private final JsonFactory json = new JsonFactory();

  AdminServlet(Admin admin) {
    this.admin = admin;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String route = request.getPathInfo() == null ? "/" : request.getPathInfo();
    String method = request.getMethod();
    switch (method + " " + route) {
      case "GET /health":
        json(response, 200, g -> g.writeStringField("status", "ok"));
        break;
      case "POST /reset":
        admin.reset();
        response.setStatus(204);
        break;
      case "GET /state":
        response.setStatus(200);
        response.setContentType("application/json;charset=utf-8");
        try (OutputStream out = response.getOutputStream()) {
          admin.exportState(out);
        }
        break;
      case "PUT /state":
        try {
          admin.importState(request.getInputStream(), "the imported state");
          response.setStatus(204);
        } catch (IllegalArgumentException e) {
          json(response, 400, g -> g.writeStringField("error", e.getMessage()));
        }
        break;
      case "GET /requests":
        writeRequests(response, admin.requests());
        break;
      case "DELETE /requests":
        admin.clearRequests();
        response.setStatus(204);
        break;
      default:
        json(response, 404, g -> g.writeStringField("error", "No admin operation '" + method + " /_emulator" + route
            + "'. There are: GET health, POST reset, GET and PUT state, GET and DELETE requests."));
    }
  }

  private void writeRequests(HttpServletResponse response, List<RecordedRequest> requests) throws IOException {
    response.setStatus(200);
    response.setContentType("application/json;charset=utf-8");
    try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
      g.writeStartArray();
      for (RecordedRequest r : requests) {
        g.writeStartObject();
        g.writeStringField("method", r.method());
        g.writeStringField("url", r.url());
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> header : r.headers().entrySet()) {
          g.writeStringField(header.getKey(), String.join(", ", header.getValue()));
        }
        g.writeEndObject();
        g.writeStringField("body", r.body());
        g.writeNumberField("status", r.status());
        g.writeStringField("subscription", r.subscription());
        g.writeStringField("entitySet", r.entitySet());
        g.writeStringField("time", r.time().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  private void json(HttpServletResponse response, int status, Fields fields) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=utf-8");
    try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    }
  }

  @FunctionalInterface
  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }
}
