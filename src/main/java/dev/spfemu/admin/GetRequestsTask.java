package dev.spfemu.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /_emulator/requests?method=POST&entitySet=VMCheckPoints&subscription=ID}: the request
 * journal, oldest first, as a JSON array. Each parameter narrows the list, so a test written in any
 * language can check what its client sent without parsing everything.
 */
final class GetRequestsTask implements AdminTask {

  private final Admin admin;

  GetRequestsTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    List<RecordedRequest> requests = admin.requests().stream().filter(filter(request)).toList();
    try (JsonGenerator g = response.json(200)) {
      g.writeStartArray();
      for (RecordedRequest r : requests) {
        write(g, r);
      }
      g.writeEndArray();
    }
  }

  /** Method and subscription compare case-insensitively (as HTTP and GUIDs do), the entity set exactly. */
  private static Predicate<RecordedRequest> filter(AdminRequest request) {
    String method = request.parameter("method");
    String entitySet = request.parameter("entitySet");
    String subscription = request.parameter("subscription");
    return r -> (method == null || method.equalsIgnoreCase(r.method()))
        && (entitySet == null || entitySet.equals(r.entitySet()))
        && (subscription == null || subscription.equalsIgnoreCase(r.subscription()));
  }

  private static void write(JsonGenerator g, RecordedRequest r) throws IOException {
    g.writeStartObject();
    g.writeStringField("method", r.method());
    g.writeStringField("url", r.url());
    g.writeObjectFieldStart("headers");
    for (Map.Entry<String, List<String>> header : r.headers().entrySet()) {
      g.writeStringField(header.getKey(), String.join(", ", header.getValue()));
    }
    g.writeEndObject();
    g.writeStringField("body", r.body());
    if (r.bodyTruncated()) { // the journal kept only the beginning (--journal-body-bytes)
      g.writeBooleanField("bodyTruncated", true);
      g.writeNumberField("bodySize", r.bodySize());
    }
    g.writeNumberField("status", r.status());
    g.writeStringField("subscription", r.subscription());
    g.writeStringField("entitySet", r.entitySet());
    g.writeStringField("time", r.time().toString());
    g.writeEndObject();
  }
}
