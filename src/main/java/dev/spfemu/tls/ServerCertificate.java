package dev.spfemu.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The key and certificate chain HTTPS shows: generated at start ({@link SelfSignedCertificates}) or
 * read from a PKCS#12 file ({@link KeystoreFiles}).
 *
 * @param key the server's private key
 * @param chain the server's certificate first, then the certificates that issued it, if any
 */
public record ServerCertificate(PrivateKey key, List<X509Certificate> chain) {

  /** The alias of the one entry of {@link #keyStore}. */
  public static final String ALIAS = "spf-emulator";

  public ServerCertificate {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a server certificate needs at least its own certificate");
    }
  }

  /** The server's own certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** An in-memory PKCS#12 key store holding the key and chain under {@link #ALIAS}, protected by {@code password}. */
  public KeyStore keyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK cannot hold a PKCS#12 key store: " + e.getMessage(), e);
    }
  }

  /** The server's certificate as PEM (what clients trust: {@code --export-cert}). */
  public String pem() {
    return PemCertificates.pem(certificate());
  }

  /**
   * Writes {@link #pem} to {@code file}, creating its folder if needed.
   *
   * @throws UncheckedIOException when it cannot be written
   */
  public void writePem(Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      Files.writeString(file, pem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
