package dev.spfemu.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test's own certificate authority, client and server certificates, key stores and TLS clients,
 * made with BouncyCastle; nothing is read from anywhere.
 */
public final class TestPki {

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private TestPki() {
  }

  /** A key with its certificate chain (own certificate first). */
  public record Issued(PrivateKey key, List<X509Certificate> chain) {
    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** A certificate for {@code cn} signed by this one (a CA): for a client, or for a server with these names (DNS or IP). */
    public Issued issue(String cn, boolean client, String... dnsNames) {
      return TestPki.make(cn, this, false, client, dnsNames);
    }

    /** This key and chain as a PKCS#12 file. */
    public Path writePkcs12(Path file, String password) throws IOException, GeneralSecurityException {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, password.toCharArray(), chain.toArray(new Certificate[0]));
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password.toCharArray());
      }
      return file;
    }
  }

  /** A self-signed certificate authority. */
  public static Issued ca(String cn) {
    return make(cn, null, true, false);
  }

  private static Issued make(String cn, Issued issuer, boolean ca, boolean client, String... dnsNames) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + cn);
      X500Name issuerName = issuer == null ? subject
          : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      Instant now = Instant.now();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
          Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
      } else {
        builder.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(client ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
      }
      if (dnsNames.length > 0) {
        GeneralName[] names = new GeneralName[dnsNames.length];
        for (int i = 0; i < names.length; i++) {
          names[i] = org.bouncycastle.util.IPAddress.isValid(dnsNames[i])
              ? new GeneralName(GeneralName.iPAddress, new org.bouncycastle.asn1.DEROctetString(
                  java.net.InetAddress.getByName(dnsNames[i]).getAddress()))
              : new GeneralName(GeneralName.dNSName, dnsNames[i]);
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.key();
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
      List<X509Certificate> chain = issuer == null ? List.of(certificate)
          : java.util.stream.Stream.concat(java.util.stream.Stream.of(certificate), issuer.chain().stream()).toList();
      return new Issued(keys.getPrivate(), chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code certificates} as one PEM bundle, with a comment line before each, as OpenSSL bundles have. */
  public static Path writePem(Path file, X509Certificate... certificates) throws IOException {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate each : certificates) {
      pem.append("# ").append(each.getSubjectX500Principal().getName()).append('\n')
          .append(PemCertificates.pem(each));
    }
    return Files.writeString(file, pem.toString());
  }

  /** A TLS context trusting {@code trusted} only, showing {@code client}'s certificate when asked (null: none). */
  public static SSLContext sslContext(List<X509Certificate> trusted, Issued client) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(PemCertificates.trustStore(trusted));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      if (client != null) {
        store.setKeyEntry("client", client.key(), new char[0], client.chain().toArray(new Certificate[0]));
      }
      keys.init(store, new char[0]);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP client that trusts {@code trusted} only (host names checked as usual) and shows {@code client}'s certificate. */
  public static HttpClient httpClient(List<X509Certificate> trusted, Issued client) {
    return HttpClient.newBuilder().sslContext(sslContext(trusted, client)).connectTimeout(Duration.ofSeconds(20))
        .build();
  }
}
