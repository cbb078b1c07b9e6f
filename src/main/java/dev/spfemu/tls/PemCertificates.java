package dev.spfemu.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Certificates as PEM text: written for {@code --export-cert}, read from a {@code --client-ca} bundle. */
public final class PemCertificates {

  private static final String CERTIFICATE = "CERTIFICATE";

  private PemCertificates() {
  }

  /** One certificate as a PEM block (64-character lines, as OpenSSL writes them). */
  public static String pem(X509Certificate certificate) {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a certificate that cannot be encoded: " + e.getMessage(), e);
    }
  }

  /**
   * The certificates of a PEM bundle, in order. Text between the blocks (comments, as in OpenSSL's
   * bundles) and blocks that are not certificates (a private key) are skipped.
   *
   * @param what what the file is for, named in errors (such as {@code "--client-ca"})
   * @throws TlsSetupException when the file is missing, unreadable or holds no certificate
   */
  public static List<X509Certificate> read(Path file, String what) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PemReader pem = new PemReader(reader)) {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      for (PemObject each = pem.readPemObject(); each != null; each = pem.readPemObject()) {
        if (CERTIFICATE.equals(each.getType()) || "X509 CERTIFICATE".equals(each.getType())) {
          certificates.add(converter.getCertificate(new X509CertificateHolder(each.getContent())));
        }
      }
    } catch (NoSuchFileException e) {
      throw new TlsSetupException("The " + what + " file " + file + " was not found. Give the path of a PEM file"
          + " with one or more -----BEGIN CERTIFICATE----- blocks.", e);
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new TlsSetupException("Cannot read the " + what + " file " + file + " as PEM (" + e.getMessage()
          + "). Give a PEM file with one or more -----BEGIN CERTIFICATE----- blocks.", e);
    }
    if (certificates.isEmpty()) {
      throw new TlsSetupException("The " + what + " file " + file + " holds no certificate. Give a PEM file with"
          + " one or more -----BEGIN CERTIFICATE----- blocks.", null);
    }
    return List.copyOf(certificates);
  }

  /** A trust store of {@code certificates}, as {@code javax.net.ssl} trust managers take one. */
  public static KeyStore trustStore(List<X509Certificate> certificates) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK cannot hold a PKCS#12 trust store: " + e.getMessage(), e);
    }
  }
}
