package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.Credentials;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import dev.spfemu.SpfEmulator.EmulatorStartException;
import dev.spfemu.TlsOptions;
import dev.spfemu.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stops HTTPS from starting says what is wrong and how to fix it. */
class HttpsStartupTest {

  @TempDir
  Path folder;

  private static String startFails(EmulatorOptions.Builder options) {
    return assertThrows(EmulatorStartException.class, () -> {
      try (SpfEmulator spf = options.dynamicPort().seed(false).start()) {
        spf.port();
      }
    }).getMessage();
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), message);
    }
  }

  private static EmulatorOptions.Builder https(TlsOptions tls) {
    return EmulatorOptions.builder().tls(tls);
  }

  @Test
  void aMissingKeystore() {
    Path missing = folder.resolve("missing.p12");
    assertContains(startFails(https(TlsOptions.httpOnly().withHttpsPort(0).withKeystore(missing, "x"))),
        "Cannot serve HTTPS", "--tls-keystore file " + missing + " was not found");
  }

  @Test
  void aWrongKeystorePassword() throws Exception {
    Path keystore = TestPki.ca("CA").issue("spf", false).writePkcs12(folder.resolve("spf.p12"), "right");
    assertContains(startFails(https(TlsOptions.httpOnly().withHttpsPort(0).withKeystore(keystore, "wrong"))),
        "Cannot serve HTTPS", "password of the --tls-keystore file", "is wrong", "--tls-password");
  }

  @Test
  void aMissingOrEmptyClientCaBundle() throws Exception {
    Path missing = folder.resolve("ca.pem");
    assertContains(startFails(https(TlsOptions.httpOnly().withHttpsPort(0))
        .credentials(Credentials.none().withClientCa(missing))), "--client-ca file " + missing + " was not found");
    Path empty = Files.writeString(folder.resolve("empty.pem"), "");
    assertContains(startFails(https(TlsOptions.httpOnly().withHttpsPort(0))
        .credentials(Credentials.none().withClientCa(empty))), "holds no certificate");
  }

  @Test
  void aTlsSanThatIsNoName() {
    assertContains(startFails(https(TlsOptions.httpOnly().withHttpsPort(0).withSubjectAlternativeName("spf host"))),
        "Cannot serve HTTPS", "'spf host' is neither an IP address nor a DNS name");
  }

  @Test
  void anExportPathThatCannotBeWritten() throws Exception {
    Path file = Files.writeString(folder.resolve("a-file"), "");
    Path below = file.resolve("spf.pem"); // a folder that is a file
    assertContains(startFails(https(TlsOptions.httpOnly().withHttpsPort(0).withExportedCertificate(below))),
        "Cannot write the certificate to " + below, "--export-cert");
  }

  @Test
  void httpsSettingsWithoutHttpsAreRefused() {
    Path any = Path.of("x");
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> https(TlsOptions.httpOnly().withKeystore(any, "x")).build()).getMessage(),
        "--tls-keystore needs HTTPS", "--https-port");
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> https(TlsOptions.httpOnly().withExportedCertificate(any)).build()).getMessage(), "--export-cert needs HTTPS");
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> https(TlsOptions.httpOnly().withSubjectAlternativeName("spf")).build()).getMessage(), "--tls-san needs HTTPS");
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> EmulatorOptions.builder().credentials(Credentials.none().withClientCa(any)).build()).getMessage(),
        "--client-ca needs HTTPS");
  }
}
