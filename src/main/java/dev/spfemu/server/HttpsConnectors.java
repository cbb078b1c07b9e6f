package dev.spfemu.server;

import dev.spfemu.tls.PemCertificates;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector: TLS in front of the same HTTP/1.1 configuration as the plain connector, so
 * both serve the same endpoints the same way.
 */
final class HttpsConnectors {

  /** Protects the in-memory key store only; it is never written anywhere. */
  private static final String KEY_STORE_PASSWORD = "spf-emulator";

  private HttpsConnectors() {
  }

  /** An HTTPS connector on {@code host} for {@code https}, over a copy of {@code http}. */
  static ServerConnector connector(Server server, HttpConfiguration http, String host, Listeners.Https https) {
    HttpConfiguration secure = new HttpConfiguration(http);
    SecureRequestCustomizer customizer = new SecureRequestCustomizer();
    // Clients reach the emulator by any name or address, and the ones that talk to SPF do not check
    // the certificate's names (CLIENTS.md D.2–D.4): a server name the certificate lacks is no error.
    customizer.setSniHostCheck(false);
    // Puts the verified client chain in the request's EndPoint.SslSessionData, where authentication finds it.
    secure.addCustomizer(customizer);
    ServerConnector connector = new ServerConnector(server, -1, JettyServerFactory.selectors(),
        new SslConnectionFactory(sslContextFactory(https), HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(secure));
    connector.setName("https");
    connector.setHost(host);
    connector.setPort(https.port());
    return connector;
  }

  /**
   * The TLS side: the listener's key and chain, and, when client CAs are given, a request for a
   * client certificate ("want", not "need": a client without one still connects and may use other
   * credentials). A certificate that does not chain to a client CA fails the handshake (JSSE's
   * trust manager refuses it), so a chain that reaches the servlets is always a verified one.
   */
  static SslContextFactory.Server sslContextFactory(Listeners.Https https) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(https.certificate().keyStore(KEY_STORE_PASSWORD.toCharArray()));
    ssl.setKeyStorePassword(KEY_STORE_PASSWORD);
    if (!https.clientCas().isEmpty()) {
      ssl.setTrustStore(PemCertificates.trustStore(https.clientCas()));
      ssl.setWantClientAuth(true);
    }
    return ssl;
  }
}
