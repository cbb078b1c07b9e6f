package dev.spfemu.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the key and certificate HTTPS shows from a PKCS#12 file ({@code --tls-keystore}). */
public final class KeystoreFiles {

  private static final String FLAG = "--tls-keystore";

  private KeystoreFiles() {
  }

  /**
   * The first key entry of {@code file} (in alias order) with its certificate chain.
   *
   * @param password the file's password, also the key's; null for none
   * @throws TlsSetupException when the file is missing, not PKCS#12, the password is wrong, or it holds no key
   */
  public static ServerCertificate load(Path file, String password) {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
    } catch (NoSuchFileException e) {
      throw new TlsSetupException("The " + FLAG + " file " + file + " was not found. Give the path of a PKCS#12"
          + " (.p12/.pfx) file, or leave " + FLAG + " out to use a certificate generated at start.", e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
        throw wrongPassword(file, password, e);
      }
      throw new TlsSetupException("Cannot read the " + FLAG + " file " + file + " as a PKCS#12 keystore ("
          + e.getMessage() + "). Give a PKCS#12 (.p12/.pfx) file, such as one made by"
          + " 'openssl pkcs12 -export' or 'keytool -genkeypair -storetype PKCS12'.", e);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException("Cannot read the " + FLAG + " file " + file + " (" + e.getMessage()
          + "). Give a PKCS#12 (.p12/.pfx) file.", e);
    }
    return firstKey(store, file, password, secret);
  }

  private static ServerCertificate firstKey(KeyStore store, Path file, String password, char[] secret) {
    try {
      List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
      Collections.sort(aliases);
      for (String alias : aliases) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, secret);
        Certificate[] chain = store.getCertificateChain(alias);
        if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
          List<X509Certificate> certificates = new ArrayList<>();
          for (Certificate each : chain) {
            certificates.add((X509Certificate) each);
          }
          return new ServerCertificate(privateKey, certificates);
        }
      }
    } catch (UnrecoverableKeyException e) {
      throw wrongPassword(file, password, e);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new TlsSetupException("Cannot read the key in the " + FLAG + " file " + file + " (" + e.getMessage()
          + "). Give a PKCS#12 file with an X.509 certificate and its private key.", e);
    }
    throw new TlsSetupException("The " + FLAG + " file " + file + " holds no private key with a certificate."
        + " Give a PKCS#12 file with the server's key and certificate (not only trusted certificates).", null);
  }

  private static TlsSetupException wrongPassword(Path file, String password, Exception cause) {
    return new TlsSetupException("The password of the " + FLAG + " file " + file + " is "
        + (password == null ? "missing" : "wrong") + ": give the file's password with --tls-password"
        + " (the key's password must be the same).", cause);
  }
}
