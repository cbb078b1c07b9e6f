package dev.spfemu.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreFilesTest {

  @TempDir
  Path folder;

  private static void assertMessage(TlsSetupException error, String... parts) {
    for (String part : parts) {
      assertTrue(error.getMessage().contains(part), error.getMessage());
    }
  }

  @Test
  void readsTheKeyAndChainOfAPkcs12File() throws Exception {
    TestPki.Issued ca = TestPki.ca("Test CA");
    TestPki.Issued server = ca.issue("spf.test", false, "spf.test");
    Path file = server.writePkcs12(folder.resolve("server.p12"), "secret");

    ServerCertificate loaded = KeystoreFiles.load(file, "secret");

    assertEquals(server.chain(), loaded.chain());
    assertEquals(server.key(), loaded.key());
  }

  @Test
  void aMissingFileSaysNotFound() {
    Path missing = folder.resolve("missing.p12");
    assertMessage(assertThrows(TlsSetupException.class, () -> KeystoreFiles.load(missing, "secret")),
        "--tls-keystore file " + missing + " was not found", "PKCS#12");
  }

  @Test
  void aWrongOrMissingPasswordSaysSo() throws Exception {
    Path file = TestPki.ca("Test CA").issue("spf.test", false).writePkcs12(folder.resolve("server.p12"), "secret");
    assertMessage(assertThrows(TlsSetupException.class, () -> KeystoreFiles.load(file, "wrong")),
        "password of the --tls-keystore file " + file + " is wrong", "--tls-password");
    assertMessage(assertThrows(TlsSetupException.class, () -> KeystoreFiles.load(file, null)),
        "password of the --tls-keystore file " + file + " is missing", "--tls-password");
  }

  @Test
  void aFileThatIsNotPkcs12SaysSo() throws Exception {
    Path pem = TestPki.writePem(folder.resolve("server.pem"), TestPki.ca("Test CA").certificate());
    assertMessage(assertThrows(TlsSetupException.class, () -> KeystoreFiles.load(pem, "secret")),
        "Cannot read the --tls-keystore file " + pem + " as a PKCS#12 keystore");
  }

  @Test
  void aKeystoreWithOnlyTrustedCertificatesHasNoKey() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", TestPki.ca("Test CA").certificate());
    Path file = folder.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "secret".toCharArray());
    }
    assertMessage(assertThrows(TlsSetupException.class, () -> KeystoreFiles.load(file, "secret")),
        "holds no private key with a certificate");
  }
}
