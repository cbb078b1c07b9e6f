package dev.spfemu.server;

import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.journal.SecretMask;
import dev.spfemu.live.AnsweredRequest;
import dev.spfemu.live.LiveEvents;
import dev.spfemu.live.RequestEventJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.URIUtil;

/**
 * Records each OData request in the journal with the status it got, and, while the live page
 * listens, publishes it with its answer to the page ({@link LiveEvents}), followed by a change
 * notice for anything but a read. The record is made just before the response completes, not
 * after: a test that has its answer must find the request in the journal. A request whose
 * response is never written (the client went away, the connection was dropped) is recorded too.
 */
final class JournalStage implements Stage {

  private final RequestJournal journal;
  private final LiveEvents live;
  private final RequestEventJson events = new RequestEventJson();

  JournalStage(RequestJournal journal, LiveEvents live) {
    this.journal = journal;
    this.live = live;
  }

  @Override
  public void handle(ODataExchange exchange, Next next) throws IOException {
    boolean watched = live.listening(); // the answer's body is copied only while a page listens
    if (!journal.enabled() && !watched) {
      next.handle(exchange);
      return;
    }
    ResponseCopy copy = watched ? new ResponseCopy(journal.bodyLimit()) : null;
    Recorder recorder = new Recorder(exchange, Instant.now(), System.nanoTime(), copy);
    exchange.beforeCompletion(recorder);
    exchange.response(new CompletionHookResponse(exchange.response(), recorder, copy));
    try {
      next.handle(exchange);
    } finally {
      recorder.run();
    }
  }

  /** Records the exchange once, whichever of the completion paths comes first. */
  private final class Recorder implements Runnable {
    private final ODataExchange exchange;
    private final Instant arrived;
    private final long started;
    private final ResponseCopy copy;
    private boolean done;

    Recorder(ODataExchange exchange, Instant arrived, long started, ResponseCopy copy) {
      this.exchange = exchange;
      this.arrived = arrived;
      this.started = started;
      this.copy = copy;
    }

    @Override
    public void run() {
      if (!done && !exchange.abandoned()) { // an abandoned attempt is answered, and recorded, again
        done = true;
        RecordedRequest request = record();
        RecordedRequest kept = journal.record(request);
        if (copy != null) {
          publish(kept != null ? kept : journal.kept(request)); // masked once, whether the journal is on or off
        }
      }
    }

    /** The request as the journal keeps it, and its answer, to the live page; then, for a write, a change. */
    private void publish(RecordedRequest kept) {
      exchange.copyUnsentBody(copy); // the stages are done; what they wrote is still in the body's buffer
      byte[] body = copy.bytes();
      live.request(events.write(new AnsweredRequest(kept,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), headers(exchange.response().getHeaders()),
          journal.keep(body), copy.size(), journal.truncates(copy.size()))));
      if (!kept.method().equals("GET") && !kept.method().equals("HEAD")) {
        live.changed();
      }
    }

    private RecordedRequest record() {
      Request request = exchange.request();
      ServiceRootPath root = exchange.root();
      byte[] body = exchange.body(); // only the first bytes become text: the whole may be megabytes
      long size = body == null ? 0 : body.length;
      return new RecordedRequest(request.getMethod(), url(request), headers(request), journal.keep(body),
          exchange.response().getStatus(), root == null ? null : root.subscription(),
          root == null ? null : root.entitySet(), arrived, size, journal.truncates(size));
    }

    /** The URL as requested: scheme, the host the client addressed (its port unless the default), path, query. */
    private static String url(Request request) {
      HttpURI uri = request.getHttpURI();
      StringBuilder url = URIUtil.newURIBuilder(uri.getScheme(), Request.getServerName(request),
          Request.getServerPort(request));
      url.append(uri.getPath());
      if (uri.getQuery() != null) {
        url.append('?').append(uri.getQuery());
      }
      return url.toString();
    }

    /** The request's headers by name as sent, in the order they came, credentials masked; one pass over them. */
    private static Map<String, List<String>> headers(Request request) {
      return headers(request.getHeaders());
    }

    /** Headers by name as sent, in the order they came, credentials masked; one pass over them. */
    private static Map<String, List<String>> headers(HttpFields fields) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpField field : fields) {
        headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
      }
      headers.replaceAll((name, values) -> SecretMask.header(name, List.copyOf(values)));
      return Collections.unmodifiableMap(headers);
    }
  }
}
