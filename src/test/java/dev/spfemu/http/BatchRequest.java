package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A {@code $batch} request body built part by part, each part with the headers a test gives it
 * (REST Assured insists on building multipart bodies itself, so batches go out with java.net.http).
 */
final class BatchRequest {

  private static final String BATCH = "batch_5d1c2b0e-94f4-4a38-9d0e-2f0c3a6e8a11";
  private static final String CHANGESET = "changeset_0b7f3c55-6a2e-4f0d-8c35-7e1e4a9d2b64";

  private final StringBuilder body = new StringBuilder();

  /** A query part: {@code GET url} with {@code headers} (header lines, each ending in CRLF). */
  BatchRequest query(String url, String headers) {
    body.append("--").append(BATCH).append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n")
        .append("\r\nGET ").append(url).append(" HTTP/1.1\r\n").append(headers).append("\r\n\r\n");
    return this;
  }

  /** A change set of {@code operations} (see {@link #operation}). */
  BatchRequest changeSet(String... operations) {
    body.append("--").append(BATCH).append("\r\nContent-Type: multipart/mixed; boundary=").append(CHANGESET)
        .append("\r\n\r\n").append(String.join("", operations)).append("--").append(CHANGESET).append("--\r\n");
    return this;
  }

  /** One operation of a change set; {@code content} may be null for none. */
  static String operation(String method, String url, String headers, String content) {
    return "--" + CHANGESET + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
        + method + " " + url + " HTTP/1.1\r\n" + headers + "\r\n" + (content == null ? "" : content) + "\r\n";
  }

  /** Posts the batch to {@code root}; 202 expected; the response's parts. */
  List<BatchResponse.Part> post(String root) {
    return post(root, new String[0]);
  }

  /** Posts the batch with more request headers ({@code name, value, …}). */
  List<BatchResponse.Part> post(String root, String... headers) {
    String text = body + "--" + BATCH + "--\r\n";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "$batch"))
        .header("Content-Type", "multipart/mixed; boundary=" + BATCH);
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response = BadInputTest.send(request.POST(HttpRequest.BodyPublishers.ofString(text)).build());
    assertEquals(202, response.statusCode(), response.body());
    return BatchResponse.parse(response.headers().firstValue("Content-Type").orElseThrow(), response.body());
  }
}
