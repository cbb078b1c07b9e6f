package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code $batch} response body parsed into its parts, so tests assert on statuses, headers and
 * bodies of each operation rather than on substrings of the whole multipart text. Parsing fails
 * the test if the framing is not what a WCF Data Services client can read.
 */
final class BatchResponse {

  private static final String CRLF = "\r\n";

  /** One top-level part: a query's response, or a change set (its responses, in order). */
  record Part(Map<String, String> mimeHeaders, List<Operation> operations, boolean changeSet) {
    /** The only response of a query part, or of a change set answered by its error alone. */
    Operation single() {
      assertEquals(1, operations.size(), "one response in this part: " + operations);
      return operations.get(0);
    }
  }

  /** One HTTP response inside the batch, with the MIME headers of its application/http part. */
  record Operation(Map<String, String> mimeHeaders, int status, String reason, Map<String, String> headers,
      String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private BatchResponse() {
  }

  /** The parts of a batch response whose Content-Type is {@code contentType}. */
  static List<Part> parse(String contentType, String body) {
    List<Part> parts = new ArrayList<>();
    for (String raw : split(body, boundary(contentType))) {
      int end = headerEnd(raw);
      Map<String, String> mime = headers(raw.substring(0, end));
      String content = raw.substring(end + 4);
      String type = mime.get("Content-Type");
      assertNotNull(type, "every batch part has a Content-Type: " + raw);
      if (type.startsWith("multipart/mixed")) {
        List<Operation> operations = new ArrayList<>();
        for (String operation : split(content, boundary(type))) {
          operations.add(operation(operation));
        }
        parts.add(new Part(mime, operations, true));
      } else {
        parts.add(new Part(mime, List.of(operation(raw)), false));
      }
    }
    return parts;
  }

  private static String boundary(String contentType) {
    int at = contentType.indexOf("boundary=");
    assertTrue(at > 0, "a multipart Content-Type names its boundary: " + contentType);
    return contentType.substring(at + "boundary=".length()).trim();
  }

  /** The parts between the delimiters of {@code boundary}; there must be a closing delimiter. */
  private static List<String> split(String body, String boundary) {
    String delimiter = "--" + boundary;
    assertTrue(body.startsWith(delimiter + CRLF), "the body starts with its first delimiter: " + body);
    List<String> parts = new ArrayList<>();
    int at = delimiter.length() + CRLF.length();
    while (true) {
      int next = body.indexOf(CRLF + delimiter, at);
      assertTrue(next >= 0, "a part ends at a delimiter: " + body.substring(at));
      parts.add(body.substring(at, next));
      at = next + CRLF.length() + delimiter.length();
      if (body.startsWith("--", at)) {
        return parts;
      }
      assertTrue(body.startsWith(CRLF, at), "a delimiter ends its line: " + body.substring(at));
      at += CRLF.length();
    }
  }

  /** An application/http part: its MIME headers, then the HTTP response. */
  private static Operation operation(String raw) {
    int mimeEnd = headerEnd(raw);
    Map<String, String> mime = headers(raw.substring(0, mimeEnd));
    assertEquals("application/http", mime.get("Content-Type"), raw);
    assertEquals("binary", mime.get("Content-Transfer-Encoding"), raw);
    String http = raw.substring(mimeEnd + 4);
    int lineEnd = http.indexOf(CRLF);
    String[] statusLine = http.substring(0, lineEnd).split(" ", 3);
    assertEquals("HTTP/1.1", statusLine[0], http);
    int headersEnd = headerEnd(http);
    Map<String, String> headers = lineEnd == headersEnd ? Map.of() : headers(http.substring(lineEnd + 2, headersEnd));
    return new Operation(mime, Integer.parseInt(statusLine[1]), statusLine[2], headers,
        http.substring(headersEnd + 4));
  }

  private static int headerEnd(String text) {
    int end = text.indexOf(CRLF + CRLF);
    assertTrue(end >= 0, "headers end with an empty line: " + text);
    return end;
  }

  /** Header lines, names case-insensitive as in HTTP. */
  private static Map<String, String> headers(String lines) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line : lines.split(CRLF)) {
      int colon = line.indexOf(':');
      assertTrue(colon > 0, "a header line: " + line);
      headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return Collections.unmodifiableMap(headers);
  }
}
