package dev.spfemu.admin;

import java.io.IOException;
import java.io.InputStream;

/**
 * One call to the admin API as a task sees it. No HTTP library appears here, so the route table and
 * the tasks run in plain unit tests, and the server keeps the only adapter from its request type.
 */
public interface AdminRequest {

  /** The HTTP method, as sent (routes compare it exactly). */
  String method();

  /** The path after {@code /_emulator}, starting with '/'; {@code "/"} when there is none. */
  String path();

  /** The value of a query parameter, or null when it is absent. */
  String parameter(String name);

  /** The value of a request header (name in any case), or null when it is absent. */
  String header(String name);

  /** The caller's IP address as the connection shows it ({@code 127.0.0.1}, {@code 0:0:0:0:0:0:0:1}, …). */
  String remoteAddress();

  /** {@code http} or {@code https}: how the request reached the emulator. */
  String scheme();

  /** Whether the request carries a body (a {@code Content-Length} above 0, or a chunked one). */
  boolean hasBody();

  /** The request body. */
  InputStream body() throws IOException;
}
