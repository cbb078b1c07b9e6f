package dev.spfemu.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.journal.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The data of a {@code request} event (docs/demo.md): one line of JSON, which Jackson's compact
 * output is (line breaks inside strings are escaped), for {@link LiveEvents#request}.
 */
public final class RequestEventJson {

  /** The response header that names the VMM job a request started (or a fresh GUID when it started none). */
  static final String REQUEST_ID = "x-ms-request-id";

  private final JsonFactory json = new JsonFactory();

  /** The event's data, without its {@code id} ({@link LiveEvents} numbers events). */
  public byte[] write(AnsweredRequest answered) {
    RecordedRequest request = answered.request();
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + request.body().length()
        + answered.responseBody().length());
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", request.time().toString());
      g.writeStringField("method", request.method());
      g.writeStringField("url", request.url());
      g.writeStringField("path", path(request.url()));
      g.writeNumberField("status", request.status());
      g.writeNumberField("millis", answered.millis());
      g.writeStringField("subscription", request.subscription());
      g.writeStringField("entitySet", request.entitySet());
      g.writeStringField("requestId", RecordedRequest.firstValue(answered.responseHeaders(), REQUEST_ID));
      writeMessage(g, "request", request.headers(), request.body(), request.bodySize(), request.bodyTruncated());
      writeMessage(g, "response", answered.responseHeaders(), answered.responseBody(), answered.responseBodySize(),
          answered.responseBodyTruncated());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void writeMessage(JsonGenerator g, String name, Map<String, List<String>> headers, String body,
      long size, boolean truncated) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeObjectFieldStart("headers");
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      g.writeStringField(header.getKey(), String.join(", ", header.getValue()));
    }
    g.writeEndObject();
    g.writeStringField("body", body);
    g.writeNumberField("bodySize", size);
    g.writeBooleanField("bodyTruncated", truncated);
    g.writeEndObject();
  }

  /** The path and query of an absolute URL ({@code http://host:port/path?query}). */
  static String path(String url) {
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? url.indexOf('/') : url.indexOf('/', scheme + 3);
    return slash < 0 ? "/" : url.substring(slash);
  }
}
