package dev.spfemu.odata.processor;

import java.util.Map;

/**
 * An error response ready to send: status, headers and the body in the client's format. Errors are
 * small, so they are rendered into bytes once and then written by whichever layer found them
 * (the pipeline, or Jetty's error handlers for requests that never reached it).
 *
 * @param headers the response headers, {@code Content-Type} and {@code DataServiceVersion} included
 */
public record RenderedError(int status, Map<String, String> headers, byte[] body) {
}
