package dev.spfemu.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the emulator answered, as the journal keeps it.
 *
 * @param method the HTTP method
 * @param url the URL as requested, query string included
 * @param headers the request headers (names as sent)
 * @param body the request body as UTF-8 text (empty when there was none or it was not read); only its first
 *     bytes when it was longer than the journal keeps ({@code bodyTruncated})
 * @param status the response status
 * @param subscription the subscription of the service root, or null (no root, or SPF's all-subscriptions root)
 * @param entitySet the entity set addressed, or null
 * @param time when the request arrived
 * @param bodySize the size of the whole body in bytes, as it arrived
 * @param bodyTruncated whether {@code body} is only the beginning of it
 */
public record RecordedRequest(String method, String url, Map<String, List<String>> headers, String body, int status,
    String subscription, String entitySet, Instant time, long bodySize, boolean bodyTruncated) {

  /** A request whose whole body was kept. */
  public RecordedRequest(String method, String url, Map<String, List<String>> headers, String body, int status,
      String subscription, String entitySet, Instant time) {
    this(method, url, headers, body, status, subscription, entitySet, time,
        body == null ? 0 : body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, false);
  }

  /** This request with {@code text} as the body it keeps (sizes unchanged). */
  RecordedRequest withBody(String text) {
    return new RecordedRequest(method, url, headers, text, status, subscription, entitySet, time, bodySize,
        bodyTruncated);
  }

  /** The first value of a header (names compare case-insensitively), or null. */
  public String header(String name) {
    return firstValue(headers, name);
  }

  /** The first value of header {@code name} in {@code headers} (names compare case-insensitively), or null. */
  public static String firstValue(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }
}
