package dev.spfemu.server;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.odata.processor.ODataCall;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.ResponseSink;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The single adapter between the servlet API and the OData pipeline, at the end of the chain
 * ({@link ServerChain}): finds the service root in the path, reads the body on demand within the
 * size limit, and hands the request as an {@link ODataCall} to the {@link ODataPipeline} of the web
 * service the root belongs to (VMM or Admin). Olingo's own
 * servlet is not used: it hides the service root, the media types and the response headers that an
 * SPF look-alike must control.
 */
final class ODataServlet extends HttpServlet {

  /** Oversized bodies up to this many times the limit are drained before the 413 is sent. */
  private static final long DRAIN_LIMIT_FACTOR = 8;

  private final ODataPipeline pipeline;
  private final ODataPipeline adminPipeline;
  private final long maxBodyBytes;

  /**
   * @param pipeline the VMM service's pipeline (it also renders the errors of paths under no root)
   * @param adminPipeline the Admin service's pipeline
   */
  ODataServlet(ODataPipeline pipeline, ODataPipeline adminPipeline, long maxBodyBytes) {
    this.pipeline = pipeline;
    this.adminPipeline = adminPipeline;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ODataExchange exchange = ODataExchange.of(request);
    ServiceRootPath root = exchange.root();
    if (root == null) {
      ODataErrorHandlers.send(pipeline.renderError(VmmErrors.notAServiceRoot(request.getRequestURI()),
          request::getHeader), response);
      return;
    }
    ServiceUrls urls = new ServiceUrls(origin(request) + root.rootPath());
    ODataCall call = new ODataCall(request.getMethod().toUpperCase(Locale.ROOT), root.subscription(), urls,
        root.resourcePath(), request.getQueryString(), request::getHeader, new BodyOnce(request, exchange),
        root.tenantApi());
    (root.service() == ServiceRootPath.Service.ADMIN ? adminPipeline : pipeline).handle(call, new ServletSink(response));
  }

  /** The request body, read at most once, and kept in the exchange for the journal. */
  private final class BodyOnce implements ODataCall.Body {
    private final HttpServletRequest request;
    private final ODataExchange exchange;
    private byte[] bytes;

    BodyOnce(HttpServletRequest request, ODataExchange exchange) {
      this.request = request;
      this.exchange = exchange;
    }

    @Override
    public byte[] read() throws IOException {
      if (bytes == null) {
        bytes = readBody(request);
        exchange.body(bytes);
      }
      return bytes;
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
  private record ServletSink(HttpServletResponse response) implements ResponseSink {
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
      return new UnflushedOutputStream(response.getOutputStream());
    }
  }

  /**
   * Passes writes through but not flushes: the writers flush when they finish, and a flush would
   * commit the response early and force chunked encoding. Without it, a body that fits Jetty's
   * buffer goes out with a Content-Length, as IIS sends it.
   */
  private static final class UnflushedOutputStream extends FilterOutputStream {
    UnflushedOutputStream(OutputStream out) {
      super(out);
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
