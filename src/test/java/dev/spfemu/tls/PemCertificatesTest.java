package dev.spfemu.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemCertificatesTest {

  @TempDir
  Path folder;

  @Test
  void aBundleGivesItsCertificatesInOrderSkippingCommentsAndKeys() throws Exception {
    X509Certificate one = TestPki.ca("One").certificate();
    X509Certificate two = TestPki.ca("Two").certificate();
    Path file = TestPki.writePem(folder.resolve("bundle.pem"), one, two);
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n",
        java.nio.file.StandardOpenOption.APPEND);

    assertEquals(List.of(one, two), PemCertificates.read(file, "--client-ca"));
  }

  @Test
  void aMissingOrEmptyBundleSaysWhatIsWrong() throws Exception {
    Path missing = folder.resolve("missing.pem");
    TlsSetupException notFound = assertThrows(TlsSetupException.class,
        () -> PemCertificates.read(missing, "--client-ca"));
    assertTrue(notFound.getMessage().contains("--client-ca file " + missing + " was not found"), notFound.getMessage());

    Path empty = Files.writeString(folder.resolve("empty.pem"), "no certificates here\n");
    TlsSetupException none = assertThrows(TlsSetupException.class, () -> PemCertificates.read(empty, "--client-ca"));
    assertTrue(none.getMessage().contains("holds no certificate"), none.getMessage());

    Path broken = Files.writeString(folder.resolve("broken.pem"),
        "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n");
    TlsSetupException unreadable = assertThrows(TlsSetupException.class,
        () -> PemCertificates.read(broken, "--client-ca"));
    assertTrue(unreadable.getMessage().contains("Cannot read the --client-ca file"), unreadable.getMessage());
  }

  @Test
  void anExportedCertificateIsPemThatParsesBackToTheSameCertificate() throws Exception {
    ServerCertificate server = SelfSignedCertificates.generate(List.of("localhost"), Clock.systemUTC());
    Path file = folder.resolve("out/server.pem"); // the folder is made
    server.writePem(file);

    String pem = Files.readString(file);
    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"), pem);
    assertTrue(pem.endsWith("-----END CERTIFICATE-----\n"), pem);
    assertTrue(pem.lines().allMatch(line -> line.length() <= 64), "64-character lines");
    X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(server.certificate(), parsed);
  }
}
