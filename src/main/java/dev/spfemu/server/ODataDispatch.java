package dev.spfemu.server;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.odata.processor.ODataCall;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.ResponseSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The last stage, and the single adapter between Jetty and the OData pipeline: finds the service
 * root in the path, reads the body on demand within the size limit, and hands the request as an
 * {@link ODataCall} to the {@link ODataPipeline} of the web service the root belongs to (VMM or
 * Admin). Olingo's own servlet is not used: it hides the service root, the media types and the
 * response headers that an SPF look-alike must control.
 */
final class ODataDispatch implements Stage {

  /** Oversized bodies up to this many times the limit are drained before the 413 is sent. */
  private static final long DRAIN_LIMIT_FACTOR = 8;

  private final ODataPipeline pipeline;
  private final ODataPipeline adminPipeline;
  private final long maxBodyBytes;

  /**
   * @param pipeline the VMM service's pipeline (it also renders the errors of paths under no root)
   * @param adminPipeline the Admin service's pipeline
   */
  ODataDispatch(ODataPipeline pipeline, ODataPipeline adminPipeline, long maxBodyBytes) {
    this.pipeline = pipeline;
    this.adminPipeline = adminPipeline;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(ODataExchange exchange, Next next) throws IOException {
    ServiceRootPath root = exchange.root();
    if (root == null) {
      ODataErrorHandlers.send(pipeline.renderError(VmmErrors.notAServiceRoot(exchange.path()), exchange::header),
          exchange);
      return;
    }
    Request request = exchange.request();
    ServiceUrls urls = new ServiceUrls(origin(request) + root.rootPath());
    ODataCall call = new ODataCall(request.getMethod().toUpperCase(Locale.ROOT), root.subscription(), urls,
        root.resourcePath(), request.getHttpURI().getQuery(), exchange::header, new BodyOnce(exchange),
        root.tenantApi());
    (root.service() == ServiceRootPath.Service.ADMIN ? adminPipeline : pipeline).handle(call, new Sink(exchange));
  }

  /** The request body, read at most once, and kept in the exchange for the journal. */
  private final class BodyOnce implements ODataCall.Body {
    private final ODataExchange exchange;
    private byte[] bytes;

    BodyOnce(ODataExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public byte[] read() throws IOException {
      if (bytes == null) {
        bytes = readBody(exchange);
        exchange.body(bytes);
      }
      return bytes;
    }
  }

  private byte[] readBody(ODataExchange exchange) throws IOException {
    Request request = exchange.request();
    long declared = request.getLength();
    byte[] loaded = declared <= maxBodyBytes ? BodyLoader.loaded(request) : null;
    if (loaded != null) { // read before a thread took the request (BodyLoader): no second copy
      if (loaded.length > maxBodyBytes) {
        throw VmmErrors.payloadTooLarge(maxBodyBytes);
      }
      return loaded;
    }
    InputStream in = Content.Source.asInputStream(request);
    if (declared > maxBodyBytes) {
      // Read and drop a moderately oversized body so the client, still sending it, gets to read
      // the 413 instead of a broken pipe; a client waiting on "Expect: 100-continue" sends nothing.
      boolean waiting = "100-continue".equalsIgnoreCase(exchange.header("Expect"));
      if (!waiting && declared <= DRAIN_LIMIT_FACTOR * maxBodyBytes) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      throw VmmErrors.payloadTooLarge(maxBodyBytes);
    }
    // With a Content-Length (what .NET clients send) the body is read into an array of its exact
    // size; a chunked body is read up to one byte past the limit to detect an oversized one.
    int limit = declared >= 0 ? (int) declared : (int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1);
    byte[] body = in.readNBytes(limit);
    if (body.length > maxBodyBytes) {
      throw VmmErrors.payloadTooLarge(maxBodyBytes);
    }
    return body;
  }

  /** {@code scheme://host[:port]} as the client addressed us, so Location and ids use its host name. */
  private static String origin(Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null || host.isEmpty()) {
      host = Request.getServerName(request) + ":" + Request.getServerPort(request);
    }
    HttpURI uri = request.getHttpURI();
    return uri.getScheme() + "://" + host;
  }

  /** Writes the pipeline's response through the exchange's response. */
  private record Sink(ODataExchange exchange) implements ResponseSink {
    @Override
    public void status(int status) {
      exchange.response().setStatus(status);
    }

    @Override
    public void header(String name, String value) {
      exchange.response().getHeaders().put(name, value);
    }

    @Override
    public OutputStream body() {
      return exchange.responseBody();
    }
  }
}
