package dev.spfemu.server;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.RenderedError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages replaced by OData errors, for requests Jetty refuses before our servlet sees
 * them (a malformed percent-encoding, an ambiguous path, headers too large): a client gets the same
 * error shape as for any other bad input, never an HTML page. Also the one way the stages of the
 * chain write an error they rendered themselves ({@link #send}).
 */
final class ODataErrorHandlers {

  private ODataErrorHandlers() {
  }

  /**
   * Writes an error rendered outside the pipeline's own response path: a path under no service root,
   * an injected fault, a refused credential, the 500 fallback.
   */
  static void send(RenderedError error, ODataExchange exchange) throws IOException {
    exchange.response().setStatus(error.status());
    HttpFields.Mutable headers = exchange.response().getHeaders();
    error.headers().forEach(headers::put);
    headers.put(HttpHeader.CONTENT_LENGTH, error.body().length);
    try (OutputStream out = exchange.responseBody()) {
      out.write(error.body());
    }
  }

  static final class Core extends ErrorHandler {
    private final ODataPipeline pipeline;
    private final Supplier<UUID> ids;

    Core(ODataPipeline pipeline, Supplier<UUID> ids) {
      this.pipeline = pipeline;
      this.ids = ids;
      setCacheControl("no-cache");
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
        Callback callback) {
      RenderedError error = pipeline.renderError(status == HttpStatus.REQUEST_TIMEOUT_408
          ? VmmErrors.requestTimeout(message) : VmmErrors.malformedRequest(status, message),
          name -> request.getHeaders().get(name));
      response.setStatus(error.status());
      SpfHeaders.set(ids, (name, value) -> response.getHeaders().put(name, value));
      error.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      response.write(true, ByteBuffer.wrap(error.body()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      RenderedError error = pipeline.renderError(VmmErrors.malformedRequest(status, reason), name -> null);
      SpfHeaders.set(ids, fields::put);
      error.headers().forEach(fields::put);
      return ByteBuffer.wrap(error.body());
    }
  }
}
