package dev.spfemu.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps web pages from writing to the admin API (no cross-site requests). A browser lets any page
 * send a "simple" POST (form types, no custom header) to any address, the emulator's on the
 * developer's machine included; it marks it with the page's {@code Origin}. So a write (any method
 * but GET and HEAD):
 * <ul>
 *   <li>with an {@code Origin} header that is not the emulator's own (scheme, host and port of the
 *       {@code Host} it was called by) is refused 403: non-browser clients send none;</li>
 *   <li>with a body must say {@code Content-Type: application/json} (415 otherwise), which a page can
 *       send only after a CORS preflight the emulator never grants.</li>
 * </ul>
 */
final class CrossSiteGuard {

  private CrossSiteGuard() {
  }

  /** The refusal of a write from another origin, or empty. */
  static Optional<AdminAccess.Refusal> foreignOrigin(AdminRequest request) {
    String origin = request.header("Origin");
    if (!isWrite(request) || origin == null || sameOrigin(origin, request.scheme(), request.header("Host"))) {
      return Optional.empty();
    }
    return Optional.of(new AdminAccess.Refusal(403, "The admin API refuses writes from web pages: 'Origin: " + origin
        + "' is not the emulator's own origin. Call it from a test or script, which sends no Origin header.", null));
  }

  /**
   * The refusal of a call that reached the admin API, open to this machine only, under a name that is
   * not a loopback one: a web page whose domain a DNS rebinding made resolve to 127.0.0.1 sends its own
   * name as {@code Host} (and as {@code Origin}, so the origin check alone lets it through). Empty when
   * the API has a credential (the credential decides), or the {@code Host} is localhost or a loopback
   * address (or absent, as in HTTP/1.0).
   */
  static Optional<AdminAccess.Refusal> reboundHost(AdminRequest request, AdminAccess access) {
    String host = request.header("Host");
    if (access.authenticates() || host == null) {
      return Optional.empty();
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    if (name.equalsIgnoreCase("localhost") || AdminAccess.isLoopback(name)) {
      return Optional.empty();
    }
    return Optional.of(new AdminAccess.Refusal(403, "The admin API, open to this machine only, answers requests"
        + " addressed to localhost, 127.0.0.1 or [::1]; 'Host: " + host + "' is not (a web page made to reach it"
        + " through DNS rebinding would send its own name). Call it at http://127.0.0.1:PORT/_emulator/, or start"
        + " the emulator with --admin-token TOKEN.", null));
  }

  /** The refusal of a write whose body is not JSON, or empty. */
  static Optional<AdminAccess.Refusal> notJson(AdminRequest request) {
    if (!isWrite(request) || !request.hasBody() || isJson(request.header("Content-Type"))) {
      return Optional.empty();
    }
    return Optional.of(new AdminAccess.Refusal(415, "The admin API takes JSON bodies: send 'Content-Type: "
        + "application/json', not " + (request.header("Content-Type") == null ? "none"
        : "'" + request.header("Content-Type") + "'") + ".", null));
  }

  static boolean isWrite(AdminRequest request) {
    return !request.method().equals("GET") && !request.method().equals("HEAD");
  }

  /** {@code application/json}, in any case, with or without parameters ({@code ;charset=utf-8}). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase("application/json");
  }

  /**
   * Whether {@code origin} ({@code scheme://host[:port]}) is the emulator as {@code host} (the
   * {@code Host} header) names it over {@code scheme}; default ports count as given.
   */
  static boolean sameOrigin(String origin, String scheme, String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      URI from = new URI(origin);
      URI own = new URI(scheme + "://" + host);
      return from.getScheme() != null && from.getHost() != null
          && from.getScheme().equalsIgnoreCase(own.getScheme())
          && from.getHost().toLowerCase(Locale.ROOT).equals(own.getHost() == null ? null
              : own.getHost().toLowerCase(Locale.ROOT))
          && port(from) == port(own)
          && (from.getRawPath() == null || from.getRawPath().isEmpty());
    } catch (URISyntaxException e) {
      return false; // "null" and anything else that is not an origin
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
