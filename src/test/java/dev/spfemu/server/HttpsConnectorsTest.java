package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.tls.ForcedClientCertificate;
import dev.spfemu.tls.SelfSignedCertificates;
import dev.spfemu.tls.ServerCertificate;
import dev.spfemu.tls.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS connector at the TLS level, in front of a servlet of the test's own that answers with the
 * subject of the client certificate Jetty hands the servlets ({@code javax.servlet.request.X509Certificate}),
 * which is what the authentication stage reads.
 */
class HttpsConnectorsTest {

  private static final ServerCertificate SERVER = SelfSignedCertificates.generate(List.of("localhost"),
      Clock.systemUTC());
  private static final TestPki.Issued CA = TestPki.ca("Test Client CA");
  private static final TestPki.Issued CLIENT = CA.issue("dasein-client", true);

  private Server server;

  /** Answers "none" without a client certificate, else the subject of the first certificate of the chain. */
  static final class PeerCertificateServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      X509Certificate[] chain = (X509Certificate[]) request.getAttribute("javax.servlet.request.X509Certificate");
      response.getWriter().print(chain == null ? "none" : chain[0].getSubjectX500Principal().getName()
          + " (" + chain.length + ")");
    }
  }

  private int start(List<X509Certificate> clientCas) throws Exception {
    server = new Server();
    ServerConnector connector = HttpsConnectors.connector(server, new HttpConfiguration(), "127.0.0.1",
        new Listeners.Https(0, SERVER, clientCas));
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new PeerCertificateServlet()), "/*");
    server.setHandler(context);
    server.start();
    return connector.getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private static HttpResponse<String> get(HttpClient client, int port) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aClientCertificateIssuedByTheClientCaReachesTheServletsVerified() throws Exception {
    int port = start(List.of(CA.certificate()));
    HttpResponse<String> response = get(TestPki.httpClient(List.of(SERVER.certificate()), CLIENT), port);
    assertEquals(200, response.statusCode());
    assertEquals("CN=dasein-client (2)", response.body()); // the client's chain: its certificate and the CA
  }

  @Test
  void aClientWithoutACertificateStillConnects() throws Exception {
    int port = start(List.of(CA.certificate()));
    HttpResponse<String> response = get(TestPki.httpClient(List.of(SERVER.certificate()), null), port);
    assertEquals(200, response.statusCode());
    assertEquals("none", response.body());
  }

  @Test
  void aClientCertificateFromAnotherCaFailsTheHandshake() throws Exception {
    int port = start(List.of(CA.certificate()));
    TestPki.Issued stranger = TestPki.ca("Another CA").issue("stranger", true);
    HttpClient client = TestPki.httpClient(List.of(SERVER.certificate()), stranger);
    // The client's key manager only offers a certificate of the CAs the server names, so this one
    // is forced on the server by a context whose key manager offers it whatever is asked.
    assertEquals("none", get(client, port).body(), "a client picks no certificate the server did not ask for");
    HttpClient forcing = HttpClient.newBuilder().sslContext(ForcedClientCertificate.context(SERVER.certificate(),
        stranger)).build();
    assertThrows(IOException.class, () -> get(forcing, port));
  }

  @Test
  void withoutClientCasNoCertificateIsAskedFor() throws Exception {
    int port = start(List.of());
    assertEquals("none", get(TestPki.httpClient(List.of(SERVER.certificate()), CLIENT), port).body());
    SslContextFactory.Server ssl = HttpsConnectors.sslContextFactory(new Listeners.Https(0, SERVER, List.of()));
    assertEquals(false, ssl.getWantClientAuth());
    assertEquals(false, ssl.getNeedClientAuth());
  }

  @Test
  void theClientCasAreAskedForButNotRequired() {
    SslContextFactory.Server ssl = HttpsConnectors.sslContextFactory(
        new Listeners.Https(0, SERVER, List.of(CA.certificate())));
    assertEquals(true, ssl.getWantClientAuth());
    assertEquals(false, ssl.getNeedClientAuth());
  }

  @Test
  void aServerNameTheCertificateDoesNotHoldIsNoError() throws Exception {
    int port = start(List.of());
    try (SSLSocket socket = (SSLSocket) TestPki.sslContext(List.of(SERVER.certificate()), null).getSocketFactory()
        .createSocket("127.0.0.1", port)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName("spf.elsewhere.example")));
      socket.setSSLParameters(parameters);
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: spf.elsewhere.example\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
    }
  }
}
