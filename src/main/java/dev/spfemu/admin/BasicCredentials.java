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
    String[] user = decode(encoded);
    if (user == null) {
      return false;
    }
    byte[] expected = passwords.get(user[0]);
    byte[] given = AdminAccess.digest(user[1]);
    // an unknown name is compared too, so that its answer takes as long as a wrong password's
    return MessageDigest.isEqual(expected == null ? new byte[given.length] : expected, given) && expected != null;
  }

  /** The password of {@code encoded}, the credential after "Basic ", or null when it is not {@code base64(NAME:PASSWORD)}. */
  static String password(String encoded) {
    String[] user = decode(encoded);
    return user == null ? null : user[1];
  }

  /** The name and password of {@code encoded}, or null when it is not {@code base64(NAME:PASSWORD)}. */
  private static String[] decode(String encoded) {
    if (encoded == null) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
