package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import dev.spfemu.SpfEmulator.EmulatorStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --data-dir}, the HTTPS certificate generated at start survives restarts (issue 11/12). */
class DataDirCertificateTest {

  @TempDir
  Path folder;

  private static X509Certificate certificateOf(EmulatorOptions.Builder options) {
    try (SpfEmulator spf = options.dynamicPort().httpsPort(0).seed(false).start()) {
      return spf.httpsCertificate();
    }
  }

  @Test
  void aRestartWithTheSameDataDirShowsTheSameCertificate() {
    Path data = folder.resolve("data");
    X509Certificate first = certificateOf(EmulatorOptions.builder().dataDir(data));
    assertTrue(Files.isRegularFile(data.resolve("https-certificate.p12")));
    assertEquals(first, certificateOf(EmulatorOptions.builder().dataDir(data)));
  }

  @Test
  void withoutADataDirEachStartGeneratesOne() {
    assertNotEquals(certificateOf(EmulatorOptions.builder()), certificateOf(EmulatorOptions.builder()));
  }

  @Test
  void anotherTlsSanGetsANewCertificate() {
    Path data = folder.resolve("data");
    X509Certificate first = certificateOf(EmulatorOptions.builder().dataDir(data));
    X509Certificate other = certificateOf(EmulatorOptions.builder().dataDir(data)
        .tls(dev.spfemu.TlsOptions.httpOnly().withSubjectAlternativeName("spf.example.com")));
    assertNotEquals(first, other);
  }

  @Test
  void aDataDirThatCannotBeWrittenStopsStartUpSayingWhy() throws Exception {
    Path file = Files.writeString(folder.resolve("a-file"), "");
    EmulatorStartException e = assertThrows(EmulatorStartException.class,
        () -> certificateOf(EmulatorOptions.builder().dataDir(file.resolve("data"))));
    assertTrue(e.getMessage().contains("Cannot keep the HTTPS certificate in"), e.getMessage());
  }
}
