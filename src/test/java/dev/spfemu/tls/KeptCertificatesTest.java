package dev.spfemu.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptCertificatesTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final List<String> NAMES = List.of("localhost", "127.0.0.1", "::1", "spf.example.com");

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("https-certificate.p12");
  }

  @Test
  void aGeneratedCertificateIsKeptAndReadBack() {
    ServerCertificate first = KeptCertificates.inFile(file(), NAMES, CLOCK);
    assertTrue(Files.isRegularFile(file()));
    ServerCertificate again = KeptCertificates.inFile(file(), NAMES, CLOCK);
    assertEquals(first.certificate(), again.certificate());
    assertEquals(first.key(), again.key());
  }

  @Test
  void ipv6AndCaseSpellingsAreTheSameNames() {
    ServerCertificate first = KeptCertificates.inFile(file(), NAMES, CLOCK);
    ServerCertificate again = KeptCertificates.inFile(file(),
        List.of("LOCALHOST", "127.0.0.1", "[0:0:0:0:0:0:0:1]", "Spf.Example.Com"), CLOCK);
    assertEquals(first.certificate(), again.certificate());
  }

  @Test
  void otherNamesGetANewCertificate() {
    ServerCertificate first = KeptCertificates.inFile(file(), NAMES, CLOCK);
    ServerCertificate other = KeptCertificates.inFile(file(), List.of("localhost", "10.0.0.5"), CLOCK);
    assertNotEquals(first.certificate(), other.certificate());
    assertEquals(other.certificate(), KeptCertificates.inFile(file(), List.of("localhost", "10.0.0.5"), CLOCK)
        .certificate());
    assertNotEquals(first.certificate(), KeptCertificates.inFile(file(), List.of("localhost"), CLOCK).certificate());
  }

  @Test
  void aCertificateCloseToItsEndIsRenewed() {
    ServerCertificate first = KeptCertificates.inFile(file(), NAMES, CLOCK);
    Instant stillFine = first.certificate().getNotAfter().toInstant().minus(KeptCertificates.RENEW_BEFORE)
        .minusSeconds(60);
    assertEquals(first.certificate(),
        KeptCertificates.inFile(file(), NAMES, Clock.fixed(stillFine, ZoneOffset.UTC)).certificate());
    Instant late = first.certificate().getNotAfter().toInstant().minus(KeptCertificates.RENEW_BEFORE)
        .plusSeconds(60);
    ServerCertificate renewed = KeptCertificates.inFile(file(), NAMES, Clock.fixed(late, ZoneOffset.UTC));
    assertNotEquals(first.certificate(), renewed.certificate());
    assertTrue(renewed.certificate().getNotAfter().toInstant().isAfter(late.plus(KeptCertificates.RENEW_BEFORE)));
  }

  @Test
  void aDamagedFileIsReplaced() throws Exception {
    Files.writeString(file(), "not a key store");
    ServerCertificate fresh = KeptCertificates.inFile(file(), NAMES, CLOCK);
    assertEquals(fresh.certificate(), KeptCertificates.inFile(file(), NAMES, CLOCK).certificate());
    assertTrue(Files.notExists(dir.resolve("https-certificate.p12.tmp")));
  }

  @Test
  void aFolderThatCannotBeWrittenIsAClearError() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> KeptCertificates.inFile(notAFolder.resolve("https-certificate.p12"), NAMES, CLOCK));
    assertTrue(e.getMessage().contains("Cannot keep the HTTPS certificate in"), e.getMessage());
    assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
  }
}
