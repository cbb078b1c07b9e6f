package dev.spfemu;

import dev.spfemu.SpfEmulator.EmulatorStartException;
import dev.spfemu.server.EmulatorServer;
import dev.spfemu.server.Listeners;
import dev.spfemu.tls.KeptCertificates;
import dev.spfemu.tls.KeystoreFiles;
import dev.spfemu.tls.PemCertificates;
import dev.spfemu.tls.SelfSignedCertificates;
import dev.spfemu.tls.ServerCertificate;
import dev.spfemu.tls.TlsSetupException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Where an emulator listens (plain HTTP, HTTPS or both) and the certificate HTTPS shows, made once
 * per emulator from its options (docs/operations.md, "HTTPS"), and the URLs it is reached by.
 */
final class Endpoints {

  private final EmulatorOptions options;
  private final ServerCertificate certificate;
  private final Listeners listeners;

  private Endpoints(EmulatorOptions options, ServerCertificate certificate, Listeners listeners) {
    this.options = options;
    this.certificate = certificate;
    this.listeners = listeners;
  }

  /**
   * Reads or generates the certificate and the client CAs, when HTTPS is on.
   *
   * @throws EmulatorStartException when the keystore or client CA bundle cannot be used
   */
  static Endpoints of(EmulatorOptions options) {
    TlsOptions tls = options.tls();
    Integer httpPort = tls.http() ? options.port() : null;
    if (!tls.https()) {
      return new Endpoints(options, null, new Listeners(options.host(), httpPort, null));
    }
    try {
      ServerCertificate certificate = certificate(tls, options.dataDir());
      List<X509Certificate> clientCas = options.credentials().clientCa() == null ? List.of()
          : PemCertificates.read(options.credentials().clientCa(), "--client-ca");
      return new Endpoints(options, certificate, new Listeners(options.host(), httpPort,
          new Listeners.Https(tls.httpsPort(), certificate, clientCas)));
    } catch (TlsSetupException e) {
      throw new EmulatorStartException("Cannot serve HTTPS: " + e.getMessage(), e);
    }
  }

  /** The certificate's file in the data directory ({@code --data-dir}). */
  static final String KEPT_CERTIFICATE = "https-certificate.p12";

  /**
   * The key and certificate of {@code --tls-keystore}, or a generated one: with a data directory, the
   * one kept there while it holds the same names and is still valid (a PKCS#12 file), so that clients
   * that trusted it keep trusting it across restarts; without one, a new one on each start.
   */
  private static ServerCertificate certificate(TlsOptions tls, Path dataDir) {
    if (tls.keystore() != null) {
      return KeystoreFiles.load(tls.keystore(), tls.keystorePassword());
    }
    List<String> names = SelfSignedCertificates.names(tls.subjectAlternativeNames());
    if (dataDir != null) {
      try {
        return KeptCertificates.inFile(dataDir.resolve(KEPT_CERTIFICATE), names, Clock.systemUTC());
      } catch (UncheckedIOException e) {
        throw new EmulatorStartException(e.getMessage(), e);
      }
    }
    return SelfSignedCertificates.generate(names, Clock.systemUTC());
  }

  Listeners listeners() {
    return listeners;
  }

  /** The certificate HTTPS shows, or null without HTTPS. */
  X509Certificate certificate() {
    return certificate == null ? null : certificate.certificate();
  }

  /**
   * Starts {@code server}, then writes the certificate in use for {@code --export-cert}; on failure,
   * runs {@code stop} and throws.
   *
   * @throws EmulatorStartException when a port cannot be bound or the certificate cannot be written
   */
  void start(EmulatorServer server, Runnable stop) {
    try {
      server.start();
      exportCertificate();
    } catch (EmulatorStartException e) {
      stop.run();
      throw e;
    } catch (Exception e) {
      stop.run();
      throw new EmulatorStartException(StartProblems.cannotListen(options, e), e);
    }
  }

  private void exportCertificate() {
    if (certificate == null || options.tls().exportCertificate() == null) {
      return;
    }
    try {
      certificate.writePem(options.tls().exportCertificate());
    } catch (UncheckedIOException e) {
      throw new EmulatorStartException("Cannot write the certificate to " + options.tls().exportCertificate()
          + " (" + e.getCause() + "). Give --export-cert a file in a folder the emulator may write to.", e);
    }
  }

  /** The ports asked for, for error messages. */
  private String ports() {
    String https = options.tls().https() ? "HTTPS port " + options.tls().httpsPort() : "";
    return options.tls().http() ? "port " + options.port() + (https.isEmpty() ? "" : " and " + https) : https;
  }

  /** {@code https://host:port}; an {@link IllegalStateException} without HTTPS. */
  String httpsUrl(int port) {
    if (!options.tls().https()) {
      throw new IllegalStateException("HTTPS is off: set an HTTPS port (builder httpsPort(0), --https-port 0)");
    }
    return url("https", port);
  }

  /** {@code scheme://host:port}, an IPv6 host in brackets. */
  String url(String scheme, int port) {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return scheme + "://" + host + ":" + port;
  }
}
