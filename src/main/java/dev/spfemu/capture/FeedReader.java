package dev.spfemu.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Reads one entity set of a JSON light service, page after page ({@code odata.nextLink}), with
 * Jackson's streaming parser: only one entity is held at a time. A page in Atom (a service that
 * answers nothing else) is read by {@link AtomFeed}.
 */
final class FeedReader {

  /** What a set's first page answered when it is not a feed. */
  enum Outcome { READ, NOT_OFFERED }

  @FunctionalInterface
  interface EntitySink {
    void accept(ObjectNode entity) throws IOException;
  }

  /** Called before the first entity of a set that is offered. */
  @FunctionalInterface
  interface Start {
    void started() throws IOException;
  }

  private final ServiceClient client;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonFactory json = mapper.getFactory();

  FeedReader(ServiceClient client) {
    this.client = client;
  }

  /**
   * Reads {@code url} and its next pages into {@code sink}; {@code start} runs once the first page
   * is a feed. A first page of 403, 404 or 405 means the root does not offer the set.
   */
  Outcome read(String url, Start start, EntitySink sink) throws CaptureException {
    String next = url;
    boolean first = true;
    while (next != null) {
      ServiceClient.Reply reply = client.get(next);
      try (InputStream body = reply.body()) {
        int status = reply.status();
        if (first && (status == 403 || status == 404 || status == 405)) {
          return Outcome.NOT_OFFERED;
        }
        if (status != 200) {
          throw new CaptureException(status + " from " + next + ": the service did not answer with a feed");
        }
        if (first) {
          start.started();
          first = false;
        }
        String link = reply.isXml() ? AtomFeed.readPage(body, sink) : readPage(body, sink, next);
        next = link == null ? null : URI.create(next).resolve(link).toString();
      } catch (IOException e) {
        throw new CaptureException(next + " did not answer with a JSON light or Atom feed (" + firstLine(e) + ")", e);
      }
    }
    return Outcome.READ;
  }

  /** Reads one page's {@code value} into {@code sink}; returns its {@code odata.nextLink}, or null. */
  private String readPage(InputStream body, EntitySink sink, String url) throws IOException {
    String nextLink = null;
    boolean sawValue = false;
    try (JsonParser parser = json.createParser(body)) {
      parser.setCodec(mapper);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.getCurrentName();
        JsonToken token = parser.nextToken();
        if (name.equals("value") && token == JsonToken.START_ARRAY) {
          sawValue = true;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            sink.accept(parser.readValueAsTree());
          }
        } else if (name.equals("odata.nextLink") && token == JsonToken.VALUE_STRING) {
          nextLink = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
    }
    if (!sawValue) {
      throw new IOException("no \"value\" array in the reply of " + url);
    }
    return nextLink;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
