package dev.spfemu.server;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.odata.processor.ODataCall;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.RenderedError;
import dev.spfemu.odata.processor.ResponseSink;
import dev.spfemu.store.IdGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee8.nested.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single adapter between the servlet API and the OData pipeline. It sets the headers real SPF
 * puts on every response, finds the service root in the path, and hands everything else to
 * {@link ODataPipeline}. Olingo's own servlet is not used: it hides the service root, the media
 * types and the response headers that an SPF look-alike must control.
 */
final class ODataServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(ODataServlet.class);

  /** Oversized bodies up to this many times the limit are drained before the 413 is sent. */
  private static final long DRAIN_LIMIT_FACTOR = 8;

  private final ODataPipeline pipeline;
  private final IdGenerator ids;
  private final long maxBodyBytes;
  private final RequestJournal journal;
  private final FaultRules faults;

  ODataServlet(ODataPipeline pipeline, IdGenerator ids, long maxBodyBytes, RequestJournal journal, FaultRules faults) {
    this.faults = faults;
    this.pipeline = pipeline;
    this.ids = ids;
    this.maxBodyBytes = maxBodyBytes;
    this.journal = journal;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // Real SPF's fixed response headers, on errors too.
    ODataErrorHandlers.fixedHeaders(ids, response::setHeader);
    Instant arrived = journal.enabled() ? Instant.now() : null;
    ServiceRootPath root = ServiceRootPath.match(request.getRequestURI());
    BodyOnce body = new BodyOnce(request);
    // Recorded just before the response completes, so that a client that has its answer finds it in the journal.
    Runnable recorder = arrived == null ? () -> { } : new Runnable() {
      private boolean done;

      @Override
      public void run() {
        if (!done) {
          done = true;
          journal.record(record(request, response, root, body, arrived));
        }
      }
    };
    ResponseSink sink = new ServletSink(response, recorder);
    try {
      if (root == null) {
        send(pipeline.renderError(VmmErrors.notAServiceRoot(request.getRequestURI()), request::getHeader), response,
            recorder);
        return;
      }
      FaultRule fault = faults.isEmpty() ? null
          : faults.hit(request.getMethod(), entitySetOf(root), request.getRequestURI(), request::getHeader);
      if (fault != null && inject(fault, request, response, recorder)) {
        return;
      }
      ServiceUrls urls = new ServiceUrls(origin(request) + root.rootPath());
      ODataCall call = new ODataCall(request.getMethod().toUpperCase(Locale.ROOT), root.subscription(), urls,
          root.resourcePath(), request.getQueryString(), request::getHeader, body);
      pipeline.handle(call, sink);
    } catch (UncheckedIOException e) {
      LOG.debug("connection failed while answering {} {}", request.getMethod(), request.getRequestURI(), e);
    } catch (RuntimeException e) {
      LOG.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
      if (!response.isCommitted()) {
        response.reset();
        send(pipeline.renderError(new ServiceException(500, "InternalError",
            "The emulator failed unexpectedly: " + e + ". Please report this with the request."),
            request::getHeader), response, recorder);
      }
    } finally {
      recorder.run(); // a response that never got written (the client went away) is recorded too
    }
  }

  private static RecordedRequest record(HttpServletRequest request, HttpServletResponse response,
      ServiceRootPath root, BodyOnce body, Instant arrived) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, List.copyOf(Collections.list(request.getHeaders(name))));
    }
    String query = request.getQueryString();
    String url = request.getRequestURL() + (query == null ? "" : "?" + query);
    return new RecordedRequest(request.getMethod(), url, Map.copyOf(headers), body.text(), response.getStatus(),
        root == null ? null : root.subscription(), entitySetOf(root), arrived);
  }

  /** The entity set a resource path starts with, or null (no root, the service document, $metadata…). */
  private static String entitySetOf(ServiceRootPath root) {
    if (root == null || root.resourcePath().isEmpty() || root.resourcePath().charAt(0) == '$') {
      return null;
    }
    String path = root.resourcePath();
    int end = path.length();
    for (char stop : new char[] {'(', '/', '?'}) {
      int at = path.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return path.substring(0, end);
  }

  /**
   * Applies an injected fault: waits, then drops the connection or answers its error.
   *
   * @return whether the request is answered (otherwise it is served normally, after the delay)
   */
  private boolean inject(FaultRule fault, HttpServletRequest request, HttpServletResponse response, Runnable recorder)
      throws IOException {
    Duration delay = fault.delayFor();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault.dropsConnection()) {
      recorder.run();
      Request.getBaseRequest(request).getHttpChannel().getEndPoint().close();
      return true;
    }
    if (fault.status() != 0) {
      send(pipeline.renderError(new ServiceException(fault.status(), fault.code(), fault.message()), request::getHeader),
          response, recorder);
      return true;
    }
    return false;
  }

  /** The request body, read at most once, and kept for the journal. */
  private final class BodyOnce implements ODataCall.Body {
    private final HttpServletRequest request;
    private byte[] bytes;

    BodyOnce(HttpServletRequest request) {
      this.request = request;
    }

    @Override
    public byte[] read() throws IOException {
      if (bytes == null) {
        bytes = readBody(request);
      }
      return bytes;
    }

    String text() {
      return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Writes an error rendered outside the pipeline's own response path. */
  static void send(RenderedError error, HttpServletResponse response) throws IOException {
    send(error, response, () -> { });
  }

  private static void send(RenderedError error, HttpServletResponse response, Runnable beforeBody) throws IOException {
    response.setStatus(error.status());
    error.headers().forEach(response::setHeader);
    response.setContentLength(error.body().length);
    beforeBody.run();
    try (OutputStream out = response.getOutputStream()) {
      out.write(error.body());
    }
  }

  private byte[] readBody(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      // Read and drop a moderately oversized body so the client, still sending it, gets to read
      // the 413 instead of a broken pipe; a client waiting on "Expect: 100-continue" sends nothing.
      boolean waiting = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
      if (!waiting && declared <= DRAIN_LIMIT_FACTOR * maxBodyBytes) {
        request.getInputStream().transferTo(OutputStream.nullOutputStream());
      }
      throw VmmErrors.payloadTooLarge(maxBodyBytes);
    }
    // With a Content-Length (what .NET clients send) the body is read into an array of its exact
    // size; a chunked body is read up to one byte past the limit to detect an oversized one.
    int limit = declared >= 0 ? (int) declared : (int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1);
    byte[] body = request.getInputStream().readNBytes(limit);
    if (body.length > maxBodyBytes) {
      throw VmmErrors.payloadTooLarge(maxBodyBytes);
    }
    return body;
  }

  /** {@code scheme://host[:port]} as the client addressed us, so Location and ids use its host name. */
  private static String origin(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null || host.isEmpty()) {
      host = request.getServerName() + ":" + request.getServerPort();
    }
    return request.getScheme() + "://" + host;
  }

  /** Writes the pipeline's response through the servlet response. */
  private record ServletSink(HttpServletResponse response, Runnable beforeComplete) implements ResponseSink {
    @Override
    public void status(int status) {
      response.setStatus(status);
    }

    @Override
    public void header(String name, String value) {
      response.setHeader(name, value);
    }

    @Override
    public OutputStream body() throws IOException {
      return new UnflushedOutputStream(response.getOutputStream(), beforeComplete);
    }
  }

  /**
   * Passes writes through but not flushes: the writers flush when they finish, and a flush would
   * commit the response early and force chunked encoding. Without it, a body that fits Jetty's
   * buffer goes out with a Content-Length, as IIS sends it.
   */
  private static final class UnflushedOutputStream extends FilterOutputStream {
    private final Runnable beforeClose;

    UnflushedOutputStream(OutputStream out, Runnable beforeClose) {
      super(out);
      this.beforeClose = beforeClose;
    }

    @Override
    public void close() throws IOException {
      beforeClose.run();
      super.close();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {
      // deliberately nothing; close() completes the response
    }
  }
}
