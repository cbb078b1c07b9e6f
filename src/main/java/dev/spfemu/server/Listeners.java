package dev.spfemu.server;

import dev.spfemu.tls.ServerCertificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Where the server listens: plain HTTP, HTTPS, or both, on one address. Both serve the same
 * endpoints (docs/operations.md, "HTTPS").
 *
 * @param host the address to listen on
 * @param httpPort the plain HTTP port (0: any free port), or null for no plain HTTP
 * @param https the HTTPS listener, or null for none
 */
public record Listeners(String host, Integer httpPort, Https https) {

  public Listeners {
    Objects.requireNonNull(host, "host");
    if (httpPort == null && https == null) {
      throw new IllegalArgumentException("the server must listen somewhere: plain HTTP, HTTPS or both");
    }
  }

  /** Plain HTTP only. */
  public static Listeners http(String host, int port) {
    return new Listeners(host, port, null);
  }

  /**
   * The HTTPS listener.
   *
   * @param port the port (0: any free port)
   * @param certificate the key and certificate chain it shows
   * @param clientCas the certificates a client certificate must chain to; none: no client certificate is asked for
   */
  public record Https(int port, ServerCertificate certificate, List<X509Certificate> clientCas) {
    public Https {
      Objects.requireNonNull(certificate, "certificate");
      clientCas = List.copyOf(clientCas);
    }
  }
}
