package dev.spfemu.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.admin.Admin;
import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
  private final ObjectMapper mapper = new ObjectMapper();

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
        reset(request, response);
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
        writeRequests(response, admin.requests().stream().filter(journalFilter(request)).toList());
        break;
      case "DELETE /requests":
        admin.clearRequests();
        response.setStatus(204);
        break;
      case "GET /clock":
        json(response, 200, g -> g.writeStringField("now", admin.now().toString()));
        break;
      case "PUT /clock":
      case "POST /clock/advance":
      case "POST /job-faults":
      case "POST /faults":
        withBody(request, response, route);
        break;
      case "DELETE /faults":
        admin.clearFaults();
        response.setStatus(204);
        break;
      default:
        json(response, 404, g -> g.writeStringField("error", "No admin operation '" + method + " /_emulator" + route
            + "'. There are: GET health, POST reset, GET and PUT state, GET and DELETE requests, GET and PUT clock,"
            + " POST clock/advance, POST and DELETE faults, POST job-faults."));
    }
  }

  /** The operations that take a small JSON body; a bad body is a 400 that says what is expected. */
  private void withBody(HttpServletRequest request, HttpServletResponse response, String route) throws IOException {
    try {
      JsonNode body = mapper.readTree(request.getInputStream());
      switch (route) {
        case "/clock":
          if (body.hasNonNull("fixed")) {
            admin.fixClock(Instant.parse(body.get("fixed").asText()));
          } else if (body.hasNonNull("offsetSeconds")) {
            admin.offsetClock(Duration.ofSeconds(body.get("offsetSeconds").asLong()));
          } else {
            throw new IllegalArgumentException("send {\"fixed\":\"2026-11-28T07:14:21Z\"} or {\"offsetSeconds\":3600}");
          }
          break;
        case "/clock/advance":
          if (!body.hasNonNull("seconds")) {
            throw new IllegalArgumentException("send {\"seconds\":60}");
          }
          admin.advanceClock(Duration.ofSeconds(body.get("seconds").asLong()));
          break;
        case "/faults":
          admin.addFault(FaultRuleJson.read(body));
          response.setStatus(204);
          return;
        default:
          if (!body.hasNonNull("cmdlet")) {
            throw new IllegalArgumentException("send {\"cmdlet\":\"New-SCVMCheckpoint\",\"count\":1,"
                + "\"code\":\"…\",\"problem\":\"…\"}");
          }
          admin.failNextJobs(body.get("cmdlet").asText(), body.path("count").asInt(1),
              body.path("code").asText("InjectedFailure"), body.path("problem").asText("A failure injected into the job."));
          break;
      }
      json(response, 200, g -> g.writeStringField("now", admin.now().toString()));
    } catch (IOException | RuntimeException e) {
      json(response, 400, g -> g.writeStringField("error", String.valueOf(e.getMessage())));
    }
  }

  /** {@code POST /reset}: everything, or one subscription with {@code ?subscription=ID}. */
  private void reset(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String subscription = request.getParameter("subscription");
    if (subscription == null) {
      admin.reset();
    } else {
      try {
        admin.reset(subscription);
      } catch (IllegalArgumentException e) {
        json(response, 400, g -> g.writeStringField("error", e.getMessage()));
        return;
      }
    }
    response.setStatus(204);
  }

  /** {@code GET /requests?method=POST&entitySet=VMCheckPoints&subscription=ID}: each parameter narrows the list. */
  private static Predicate<RecordedRequest> journalFilter(HttpServletRequest request) {
    String method = request.getParameter("method");
    String entitySet = request.getParameter("entitySet");
    String subscription = request.getParameter("subscription");
    return r -> (method == null || method.equalsIgnoreCase(r.method()))
        && (entitySet == null || entitySet.equals(r.entitySet()))
        && (subscription == null || subscription.equalsIgnoreCase(r.subscription()));
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
