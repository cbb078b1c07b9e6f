package dev.spfemu.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * The certificate HTTPS shows when no {@code --tls-keystore} is given: self-signed, made once per
 * emulator with a fresh RSA 2048 key, valid for two years, for the names a client may reach the
 * emulator by (docs/operations.md, "HTTPS"). Uses BouncyCastle's certificate builder over the JDK's
 * providers, so no security provider is registered (that would be JVM-wide state).
 */
public final class SelfSignedCertificates {

  /** The subject (and issuer) of every generated certificate. */
  public static final String SUBJECT = "CN=SPF VMM Emulator";
  /** How long a generated certificate is valid; under the 825 days some clients accept at most. */
  public static final Duration VALIDITY = Duration.ofDays(730);
  /** Valid from a little before it was made, for clients whose clock is behind. */
  static final Duration BACKDATED = Duration.ofHours(1);

  /** A DNS name: letters, digits, '-', '.', '_' and a leading "*." wildcard. */
  private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");

  private SelfSignedCertificates() {
  }

  /**
   * The names a generated certificate holds: localhost, 127.0.0.1, ::1, this machine's host name
   * (when it has one) and {@code extra}, without repeats.
   */
  public static List<String> names(List<String> extra) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    try {
      names.add(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      // no resolvable host name: the certificate holds the other names only
    }
    names.addAll(extra);
    return List.copyOf(names);
  }

  /**
   * A self-signed server certificate for {@code names}: IP literals become IP address names, the rest
   * DNS names.
   *
   * @param clock the real time, not the emulator's (which a test may have set years away)
   * @throws TlsSetupException when a name is neither an IP address nor a DNS name
   */
  public static ServerCertificate generate(List<String> names, Clock clock) {
    GeneralNames subjectAlternativeNames = alternativeNames(names);
    try {
      SecureRandom random = new SecureRandom();
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      KeyPair keys = generator.generateKeyPair();
      Instant now = clock.instant();
      X500Name subject = new X500Name(SUBJECT);
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random),
          Date.from(now.minus(BACKDATED)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
      return new ServerCertificate(keys.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("the JDK cannot make an RSA certificate: " + e.getMessage(), e);
    }
  }

  /** The bytes of an IP literal (no look-up: it is a literal). BouncyCastle's own parsing mangles "::1". */
  private static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an IP literal that the JDK does not take: " + literal, e);
    }
  }

  private static GeneralNames alternativeNames(List<String> names) {
    List<GeneralName> general = new ArrayList<>();
    for (String name : names) {
      String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
      if (IPAddress.isValid(bare)) {
        general.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address(bare))));
      } else if (DNS_NAME.matcher(bare).matches() && bare.length() <= 253) {
        general.add(new GeneralName(GeneralName.dNSName, bare.toLowerCase(Locale.ROOT)));
      } else {
        throw new TlsSetupException("'" + name + "' is neither an IP address nor a DNS name, so it cannot be a"
            + " name of the certificate. Give --tls-san a host name (spf.example.com) or an address (10.0.0.5).",
            null);
      }
    }
    return new GeneralNames(general.toArray(new GeneralName[0]));
  }
}
