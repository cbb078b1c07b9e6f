package dev.spfemu.server;

import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.journal.SecretMask;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee8.nested.Request;
import org.eclipse.jetty.http.HttpField;

/**
 * Records each OData request in the journal with the status it got. The record is made just before
 * the response completes, not after: a test that has its answer must find the request in the
 * journal. A request whose response is never written (the client went away, the connection was
 * dropped) is recorded too.
 */
final class JournalFilter extends HttpFilter {

  private final RequestJournal journal;

  JournalFilter(RequestJournal journal) {
    this.journal = journal;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!journal.enabled()) {
      chain.doFilter(request, response);
      return;
    }
    ODataExchange exchange = ODataExchange.of(request);
    Recorder recorder = new Recorder(request, response, exchange, Instant.now());
    exchange.beforeCompletion(recorder);
    try {
      chain.doFilter(request, new CompletionHookResponse(response, recorder));
    } finally {
      recorder.run();
    }
  }

  /** Records the exchange once, whichever of the completion paths comes first. */
  private final class Recorder implements Runnable {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ODataExchange exchange;
    private final Instant arrived;
    private boolean done;

    Recorder(HttpServletRequest request, HttpServletResponse response, ODataExchange exchange, Instant arrived) {
      this.request = request;
      this.response = response;
      this.exchange = exchange;
      this.arrived = arrived;
    }

    @Override
    public void run() {
      if (!done) {
        done = true;
        journal.record(record());
      }
    }

    private RecordedRequest record() {
      String query = request.getQueryString();
      String url = request.getRequestURL() + (query == null ? "" : "?" + query);
      ServiceRootPath root = exchange.root();
      byte[] body = exchange.body(); // only the first bytes become text: the whole may be megabytes
      long size = body == null ? 0 : body.length;
      return new RecordedRequest(request.getMethod(), url, headers(), journal.keep(body),
          response.getStatus(), root == null ? null : root.subscription(), root == null ? null : root.entitySet(),
          arrived, size, journal.truncates(size));
    }

    /**
     * The request's headers by name as sent, in the order they came, credentials masked. One pass over
     * Jetty's own header list: asking the servlet API for each name's values scans that list again per
     * name, on every request.
     */
    private Map<String, List<String>> headers() {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      Request base = Request.getBaseRequest(request);
      if (base == null) { // a wrapper that is not Jetty's: the servlet API, the slow way
        for (String name : Collections.list(request.getHeaderNames())) {
          headers.put(name, List.copyOf(Collections.list(request.getHeaders(name))));
        }
      } else {
        for (HttpField field : base.getHttpFields()) {
          headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
      }
      headers.replaceAll((name, values) -> SecretMask.header(name, List.copyOf(values)));
      return Collections.unmodifiableMap(headers);
    }
  }
}
