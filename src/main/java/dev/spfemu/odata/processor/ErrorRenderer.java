package dev.spfemu.odata.processor;

import dev.spfemu.error.ServiceException;
import dev.spfemu.format.ContentNegotiator;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.RequestVersions;
import dev.spfemu.format.ResponseFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns an {@link ServiceException} into the response the client can read: the format its
 * {@code Accept} (or {@code $format}) asks for, XML when that cannot be served, and a
 * {@code DataServiceVersion} within its maximum. The one place errors get their shape.
 */
final class ErrorRenderer {

  private final PayloadWriters writers;

  ErrorRenderer(PayloadWriters writers) {
    this.writers = writers;
  }

  /** Renders {@code error} for a request whose version headers are known (or null if they were bad). */
  RenderedError render(ServiceException error, UnaryOperator<String> headers, String formatOption,
      RequestVersions versions) {
    RequestVersions known = versions == null ? RequestVersions.DEFAULT : versions;
    ResponseFormat format = ContentNegotiator.forError(headers.apply("Accept"), formatOption, known);
    Map<String, String> responseHeaders = new LinkedHashMap<>(error.headers());
    responseHeaders.put(RequestVersions.DATA_SERVICE_VERSION, known.responseVersion(format.neededVersion()).headerValue());
    responseHeaders.put("Content-Type", format.contentType(PayloadKind.ERROR));
    ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    try {
      writers.of(format).writeError(body, error);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RenderedError(error.status(), responseHeaders, body.toByteArray());
  }

  /** Renders {@code error} for a request whose version headers have not been parsed yet. */
  RenderedError render(ServiceException error, UnaryOperator<String> headers) {
    RequestVersions versions;
    try {
      versions = RequestVersions.parse(headers.apply(RequestVersions.DATA_SERVICE_VERSION),
          headers.apply(RequestVersions.MAX_DATA_SERVICE_VERSION),
          headers.apply(RequestVersions.MIN_DATA_SERVICE_VERSION));
    } catch (ServiceException badVersions) {
      versions = RequestVersions.DEFAULT;
    }
    return render(error, headers, null, versions);
  }
}
