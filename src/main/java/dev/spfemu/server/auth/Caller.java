package dev.spfemu.server.auth;

import java.security.cert.X509Certificate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What authentication needs of a request, without the servlet API: its headers, its attributes (the
 * verified TLS client certificate chain is {@value #CERTIFICATES}) and the connection it came on.
 *
 * @param headers a request header by name, or null
 * @param attributes a request attribute by name, or null
 * @param connectionId an ID unique to the request's connection while it is open, or null; asked for only
 *     when an NTLM handshake needs it (making it costs a string and a listener per connection)
 */
public record Caller(UnaryOperator<String> headers, Function<String, Object> attributes,
    Supplier<String> connectionId) {

  /** The servlet request attribute where the container puts the client certificate chain TLS verified. */
  public static final String CERTIFICATES = "javax.servlet.request.X509Certificate";

  String connection() {
    return connectionId.get();
  }

  String authorization() {
    return headers.apply("Authorization");
  }

  /** The verified client certificate chain, or null. */
  X509Certificate[] certificates() {
    return attributes.apply(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0 ? chain : null;
  }
}
