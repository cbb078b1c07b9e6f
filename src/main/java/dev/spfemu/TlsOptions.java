package dev.spfemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the emulator is reached: plain HTTP on {@link EmulatorOptions#port()}, HTTPS on
 * {@link #httpsPort()}, or both, and the certificate HTTPS shows (docs/operations.md).
 *
 * @param http whether plain HTTP is served ({@code --no-http} turns it off)
 * @param httpsPort the HTTPS port (0: any free port), or null for no HTTPS
 * @param keystore a PKCS#12 file with the server's key and certificate, or null for one generated at start
 * @param keystorePassword the keystore's password (null: none)
 * @param subjectAlternativeNames names a generated certificate holds besides localhost, 127.0.0.1, ::1
 *     and the host name
 * @param exportCertificate where to write the certificate in use as PEM once started, or null
 */
public record TlsOptions(boolean http, Integer httpsPort, Path keystore, String keystorePassword,
    List<String> subjectAlternativeNames, Path exportCertificate) {

  public TlsOptions {
    subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    if (httpsPort != null && (httpsPort < 0 || httpsPort > 65535)) {
      throw new IllegalArgumentException("the HTTPS port must be between 0 and 65535, not " + httpsPort);
    }
    if (!http && httpsPort == null) {
      throw new IllegalArgumentException("--no-http needs --https-port: the emulator would listen nowhere");
    }
  }

  /**
   * Refuses settings that only HTTPS uses while HTTPS is off: they would be silently ignored.
   *
   * @param clientCa whether a client CA bundle is configured ({@link Credentials#clientCa()})
   */
  void requireHttpsForTlsSettings(boolean clientCa) {
    String needsHttps = https() ? null : keystore != null ? "--tls-keystore" : exportCertificate != null
        ? "--export-cert" : !subjectAlternativeNames.isEmpty() ? "--tls-san" : clientCa ? "--client-ca" : null;
    if (needsHttps != null) {
      throw new IllegalArgumentException(needsHttps + " needs HTTPS, which is off: add --https-port N"
          + " (0 for any free port; httpsPort(…) in the Java API)");
    }
  }

  /** Plain HTTP only: the default. */
  public static TlsOptions httpOnly() {
    return new TlsOptions(true, null, null, null, List.of(), null);
  }

  /** Whether HTTPS is served. */
  public boolean https() {
    return httpsPort != null;
  }

  /** The same, serving HTTPS on {@code port} (0: any free port). */
  public TlsOptions withHttpsPort(int port) {
    return new TlsOptions(http, port, keystore, keystorePassword, subjectAlternativeNames, exportCertificate);
  }

  /** The same, without plain HTTP. */
  public TlsOptions withoutHttp() {
    return new TlsOptions(false, httpsPort, keystore, keystorePassword, subjectAlternativeNames, exportCertificate);
  }

  /** The same, showing the key and certificate of a PKCS#12 file. */
  public TlsOptions withKeystore(Path file, String password) {
    return new TlsOptions(http, httpsPort, file, password, subjectAlternativeNames, exportCertificate);
  }

  /** The same, with one more subject alternative name in a generated certificate. */
  public TlsOptions withSubjectAlternativeName(String name) {
    List<String> names = new ArrayList<>(subjectAlternativeNames);
    names.add(name);
    return new TlsOptions(http, httpsPort, keystore, keystorePassword, names, exportCertificate);
  }

  /** The same, writing the certificate in use to {@code file} (PEM) once started. */
  public TlsOptions withExportedCertificate(Path file) {
    return new TlsOptions(http, httpsPort, keystore, keystorePassword, subjectAlternativeNames, file);
  }
}
