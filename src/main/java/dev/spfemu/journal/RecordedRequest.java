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
 * @param body the request body as UTF-8 text (empty when there was none or it was not read)
 * @param status the response status
 * @param subscription the subscription of the service root, or null (no root, or SPF's all-subscriptions root)
 * @param entitySet the entity set addressed, or null
 * @param time when the request arrived
 */
public record RecordedRequest(String method, String url, Map<String, List<String>> headers, String body, int status,
    String subscription, String entitySet, Instant time) {

  /** The first value of a header (names compare case-insensitively), or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }
}
