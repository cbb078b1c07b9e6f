package dev.spfemu.live;

import dev.spfemu.journal.RecordedRequest;
import java.util.List;
import java.util.Map;

/**
 * A request and its answer, as the live page's feed shows them.
 *
 * @param request the request as the journal keeps it (secrets masked, body cut to the journal's limit)
 * @param millis how long the emulator took to answer
 * @param responseHeaders the response headers (names as sent)
 * @param responseBody the first bytes of the response body as text, as the journal keeps request bodies
 * @param responseBodySize the whole response body's size in bytes
 * @param responseBodyTruncated whether {@code responseBody} is only its beginning
 */
public record AnsweredRequest(RecordedRequest request, long millis, Map<String, List<String>> responseHeaders,
    String responseBody, long responseBodySize, boolean responseBodyTruncated) {
}
