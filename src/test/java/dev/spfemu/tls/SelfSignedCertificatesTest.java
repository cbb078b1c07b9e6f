package dev.spfemu.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

public class SelfSignedCertificatesTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /**
   * The subject alternative names as "dns:name" or "ip:address" (read from the encoding: the JDK's
   * own rendering of ::1 has nine groups).
   */
  public static List<String> sans(X509Certificate certificate) throws Exception {
    GeneralNames names = GeneralNames.fromExtensions(
        new X509CertificateHolder(certificate.getEncoded()).getExtensions(), Extension.subjectAlternativeName);
    List<String> out = new java.util.ArrayList<>();
    for (GeneralName name : names.getNames()) {
      out.add(name.getTagNo() == GeneralName.iPAddress
          ? "ip:" + InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets()).getHostAddress()
          : "dns:" + name.getName());
    }
    return out;
  }

  @Test
  void holdsLoopbackTheHostNameAndTheExtraNames() throws Exception {
    List<String> names = SelfSignedCertificates.names(List.of("spf.example.com", "10.0.0.5"));
    assertEquals(List.of("localhost", "127.0.0.1", "::1"), names.subList(0, 3));
    assertTrue(names.contains(InetAddress.getLocalHost().getHostName()), names.toString());
    assertEquals(List.of("spf.example.com", "10.0.0.5"), names.subList(names.size() - 2, names.size()));
    assertEquals(names.size(), names.stream().distinct().count(), "no repeats");
  }

  @Test
  void ipLiteralsAreIpNamesAndTheRestDnsNames() throws Exception {
    X509Certificate certificate = SelfSignedCertificates.generate(
        List.of("localhost", "127.0.0.1", "::1", "[fe80::1]", "SPF.Example.com", "*.wap.local"), CLOCK).certificate();
    assertEquals(List.of("dns:localhost", "ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1", "ip:fe80:0:0:0:0:0:0:1",
        "dns:spf.example.com", "dns:*.wap.local"), sans(certificate));
  }

  @Test
  void isASelfSignedServerCertificateForTwoYears() throws Exception {
    ServerCertificate generated = SelfSignedCertificates.generate(List.of("localhost"), CLOCK);
    X509Certificate certificate = generated.certificate();
    assertEquals("CN=SPF VMM Emulator", certificate.getSubjectX500Principal().getName());
    assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
    certificate.verify(certificate.getPublicKey()); // self-signed
    assertEquals(NOW.minus(SelfSignedCertificates.BACKDATED), certificate.getNotBefore().toInstant());
    assertEquals(NOW.plus(SelfSignedCertificates.VALIDITY), certificate.getNotAfter().toInstant());
    assertEquals(2048, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
    assertEquals("RSA", generated.key().getAlgorithm());
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage()); // serverAuth
    assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
    assertTrue(certificate.getKeyUsage()[0], "digitalSignature");
  }

  @Test
  void eachCallMakesANewKey() {
    ServerCertificate one = SelfSignedCertificates.generate(List.of("localhost"), CLOCK);
    ServerCertificate two = SelfSignedCertificates.generate(List.of("localhost"), CLOCK);
    assertTrue(!one.certificate().getPublicKey().equals(two.certificate().getPublicKey()));
    assertTrue(!one.certificate().getSerialNumber().equals(two.certificate().getSerialNumber()));
  }

  @Test
  void aNameThatIsNeitherAnAddressNorAHostNameIsRefused() {
    TlsSetupException error = assertThrows(TlsSetupException.class,
        () -> SelfSignedCertificates.generate(List.of("localhost", "not a name"), CLOCK));
    assertTrue(error.getMessage().contains("'not a name' is neither an IP address nor a DNS name"), error.getMessage());
    assertTrue(error.getMessage().contains("--tls-san"), error.getMessage());
    assertThrows(TlsSetupException.class, () -> SelfSignedCertificates.generate(List.of("spf.example.com."), CLOCK));
    assertThrows(TlsSetupException.class, () -> SelfSignedCertificates.generate(List.of("https://spf"), CLOCK));
  }
}
