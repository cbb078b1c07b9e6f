package dev.spfemu.server;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, through SLF4J's logger {@value #LOGGER} at INFO, when the emulator runs with
 * {@code --access-log}: Jetty calls it once a response is complete, whatever answered it (the
 * pipeline, the admin API, a fault, Jetty's own refusals, the body timeout).
 *
 * <pre>GET /ae12…/services/systemcenter/vmm/VirtualMachines 200 3 ms 1234 B id=… subscription=ae12… principal=alice</pre>
 *
 * No header value is logged but the principal's: never an {@code Authorization}.
 */
final class AccessLog implements RequestLog {

  /** The logger's name, for a logging configuration that sends access lines elsewhere. */
  static final String LOGGER = "dev.spfemu.access";

  /**
   * The request attribute with the authenticated principal's name, which authentication sets; without
   * it the line shows the {@code x-ms-principal-id} header the caller sent, if any.
   */
  public static final String PRINCIPAL_ATTRIBUTE = "dev.spfemu.principal";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void log(Request request, Response response) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String path = request.getHttpURI().getPath();
    ServiceRootPath root = ServiceRootPath.match(path);
    HttpFields headers = response.getHeaders();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
    LOG.info("{} {} {} {} ms {} B id={} subscription={} principal={}", request.getMethod(), path,
        response.getStatus(), millis, Response.getContentBytesWritten(response),
        orDash(headers.get("x-ms-request-id")), orDash(root == null ? null : root.subscription()),
        orDash(principal(request)));
  }

  private static String principal(Request request) {
    Object authenticated = request.getAttribute(PRINCIPAL_ATTRIBUTE);
    return authenticated != null ? authenticated.toString() : request.getHeaders().get("x-ms-principal-id");
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
