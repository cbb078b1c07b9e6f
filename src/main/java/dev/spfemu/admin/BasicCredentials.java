package dev.spfemu.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The users that may call the admin API with HTTP Basic ({@code Authorization: Basic
 * base64(NAME:PASSWORD)}, RFC 7617), their passwords kept as SHA-256 digests and compared in
 * constant time. Names are compared exactly, as {@code --user} gave them.
 */
final class BasicCredentials {

  static final String CHALLENGE = "Basic realm=\"SPF emulator admin API\", charset=\"UTF-8\"";

  private final Map<String, byte[]> passwords = new HashMap<>();

  BasicCredentials(Map<String, String> users) {
    users.forEach((name, password) -> passwords.put(name, AdminAccess.digest(password)));
  }

  boolean isEmpty() {
    return passwords.isEmpty();
  }

  /** Whether {@code encoded}, the credential after "Basic ", names a user with the right password. */
  boolean accepts(String encoded) {
    if (encoded == null) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    byte[] expected = passwords.get(decoded.substring(0, colon));
    byte[] given = AdminAccess.digest(decoded.substring(colon + 1));
    // an unknown name is compared too, so that its answer takes as long as a wrong password's
    return MessageDigest.isEqual(expected == null ? new byte[given.length] : expected, given) && expected != null;
  }
}
