package dev.spfemu.capture;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * GETs from the service as any OData client would (JDK {@link HttpClient}): JSON light with
 * minimal metadata, {@code MaxDataServiceVersion: 3.0}, Basic or bearer credentials, and the TLS
 * trust the command line asks for. What goes wrong on the way becomes a one-line {@link CaptureException}.
 */
final class ServiceClient {

  static final String ACCEPT = "application/json;odata=minimalmetadata";

  private final HttpClient http;
  private final String authorization;

  private ServiceClient(HttpClient http, String authorization) {
    this.http = http;
    this.authorization = authorization;
  }

  static ServiceClient of(CaptureOptions options) throws CaptureException {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NEVER);
    if (options.insecure()) {
      builder.sslContext(sslContext(new TrustManager[] {new TrustingAnything()}));
    } else if (options.caCertificates() != null) {
      builder.sslContext(sslContext(trusting(options.caCertificates())));
    }
    String authorization = null;
    if (options.user() != null) {
      if (options.user().indexOf(':') <= 0) {
        throw new CaptureException("--user " + options.user() + " is not NAME:PASSWORD");
      }
      authorization = "Basic " + Base64.getEncoder().encodeToString(options.user().getBytes(StandardCharsets.UTF_8));
    } else if (options.token() != null) {
      authorization = "Bearer " + options.token();
    }
    return new ServiceClient(builder.build(), authorization);
  }

  /** The reply to a GET: its status and, open for reading, its body. */
  record Reply(int status, String contentType, InputStream body) {

    /** Atom (or another XML) rather than JSON light: a service that offers nothing else. */
    boolean isXml() {
      return contentType != null && contentType.toLowerCase().contains("xml");
    }
  }

  /** GETs {@code url}; the caller closes the body. */
  Reply get(String url) throws CaptureException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
        .header("Accept", ACCEPT).header("MaxDataServiceVersion", "3.0").header("DataServiceVersion", "3.0")
        .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() == 401) {
        response.body().close();
        throw new CaptureException("401 Unauthorized from " + url + ": the service refused the credentials"
            + " (give --user NAME:PASSWORD or --token TOKEN that it accepts)");
      }
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (SSLException e) {
      throw new CaptureException("TLS failed with " + hostAndPort(url) + ": " + e.getMessage()
          + " (trust its certificate with --cacert FILE, or use --insecure)", e);
    } catch (HttpConnectTimeoutException e) {
      throw new CaptureException("Cannot reach " + hostAndPort(url) + ": connection timed out", e);
    } catch (ConnectException e) {
      throw new CaptureException("Cannot reach " + hostAndPort(url) + ": connection refused"
          + " (is the service running there?)", e);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof SSLException ? e.getCause() : e;
      if (cause instanceof SSLException) {
        throw new CaptureException("TLS failed with " + hostAndPort(url) + ": " + cause.getMessage()
            + " (trust its certificate with --cacert FILE, or use --insecure)", e);
      }
      throw new CaptureException("Cannot read " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CaptureException("Interrupted while reading " + url, e);
    }
  }

  private static String hostAndPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static SSLContext sslContext(TrustManager[] trust) throws CaptureException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new CaptureException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trusting(Path pem) throws CaptureException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new CaptureException("--cacert " + pem + " holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + index++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (IOException e) {
      throw new CaptureException("Cannot read --cacert " + pem + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new CaptureException("--cacert " + pem + " is not a PEM certificate bundle: " + e.getMessage(), e);
    }
  }

  /**
   * --insecure: trusts every certificate. As an {@link X509ExtendedTrustManager} it is also what
   * checks the host name, so no host name is checked either.
   */
  private static final class TrustingAnything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
