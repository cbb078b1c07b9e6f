package dev.spfemu.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.IPAddress;

/**
 * A generated certificate kept in a file (the data directory's, issue 11/12), so that clients that
 * trusted it keep trusting it across restarts: read back while it holds exactly the names asked for
 * and has more than {@link #RENEW_BEFORE} left, otherwise generated anew and the file replaced
 * atomically (temporary file, fsync, rename), so a crash never leaves half a key store.
 */
public final class KeptCertificates {

  /** The key store's password: the file is protected by the directory's permissions, not by this. */
  static final String PASSWORD = "spf-emulator-data-dir";
  /** A kept certificate this close to its end is replaced, so it never expires under a running emulator. */
  public static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private KeptCertificates() {
  }

  /**
   * The certificate kept in {@code file} when it still fits {@code names}, else a new one, kept there.
   *
   * @param clock the real time
   * @throws TlsSetupException when a name is neither an IP address nor a DNS name
   * @throws UncheckedIOException when the new certificate cannot be written
   */
  public static ServerCertificate inFile(Path file, List<String> names, Clock clock) {
    if (Files.isRegularFile(file)) {
      ServerCertificate kept = readable(file);
      if (kept != null && fits(kept.certificate(), names, clock.instant())) {
        return kept;
      }
    }
    ServerCertificate fresh = SelfSignedCertificates.generate(names, clock);
    write(fresh, file);
    return fresh;
  }

  /** The kept certificate, or null when the file is not one of ours any more (it is then replaced). */
  private static ServerCertificate readable(Path file) {
    try {
      return KeystoreFiles.load(file, PASSWORD);
    } catch (TlsSetupException e) {
      return null;
    }
  }

  static boolean fits(X509Certificate certificate, List<String> names, Instant now) {
    if (now.isBefore(certificate.getNotBefore().toInstant())
        || now.plus(RENEW_BEFORE).isAfter(certificate.getNotAfter().toInstant())) {
      return false;
    }
    Set<String> wanted = new HashSet<>();
    for (String name : names) {
      wanted.add(normalized(name));
    }
    return wanted.equals(namesOf(certificate));
  }

  /** The certificate's names, read from its encoding (the JDK renders some IPv6 names oddly). */
  private static Set<String> namesOf(X509Certificate certificate) {
    Set<String> names = new HashSet<>();
    try {
      GeneralNames alternatives = GeneralNames.fromExtensions(
          new X509CertificateHolder(certificate.getEncoded()).getExtensions(), Extension.subjectAlternativeName);
      if (alternatives == null) {
        return names;
      }
      for (GeneralName name : alternatives.getNames()) {
        names.add(name.getTagNo() == GeneralName.iPAddress
            ? InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets()).getHostAddress()
            : name.getName().toString().toLowerCase(Locale.ROOT));
      }
    } catch (IOException | CertificateEncodingException e) {
      return Set.of(); // unreadable: replaced
    }
    return names;
  }

  /** IP literals in one spelling (::1 and 0:0:0:0:0:0:0:1 alike), DNS names in lower case. */
  private static String normalized(String name) {
    String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    if (IPAddress.isValid(bare)) {
      try {
        return InetAddress.getByName(bare).getHostAddress();
      } catch (UnknownHostException e) {
        return bare;
      }
    }
    return bare.toLowerCase(Locale.ROOT);
  }

  private static void write(ServerCertificate certificate, Path file) {
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = folder.resolve(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(folder);
      try (OutputStream out = Files.newOutputStream(temporary)) {
        certificate.keyStore(PASSWORD.toCharArray()).store(out, PASSWORD.toCharArray());
      }
      ownerOnly(temporary);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new UncheckedIOException("Cannot keep the HTTPS certificate in " + file + " (" + e.getMessage()
          + "). Give --data-dir a directory the emulator may write to.",
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the directory's ACL protects it
    }
  }
}
