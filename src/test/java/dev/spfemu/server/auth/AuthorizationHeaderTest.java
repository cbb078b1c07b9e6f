package dev.spfemu.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An Authorization header cut into scheme and credentials by hand, as {@code split("\\s+", 2)} cut it before. */
class AuthorizationHeaderTest {

  private static final List<String> HEADERS = List.of("Bearer bench-token", "Basic YWRtaW46czNjcmV0",
      "  NTLM   TlRMTVNTUAABAAAA  ", "Bearer", "bearer\ttoken", "Negotiate\r\n abc", "Basic\u000Bx", "Basic\fx y z",
      "Bearer  two  words ", "B\u00e9arer x", "Basic\u00a0x", " Bearer\u0001x", "Bearer \u0001x\u0001");

  @Test
  void schemeAndCredentialsAreWhatTheRegularExpressionMade() {
    for (String header : HEADERS) {
      String[] parts = header.trim().split("\\s+", 2);
      assertEquals(parts[0].toLowerCase(Locale.ROOT), Authenticator.scheme(header), header);
      assertEquals(parts.length < 2 ? "" : parts[1].trim(), Authenticator.credentials(header), header);
    }
  }

  @Test
  void noHeaderNoScheme() {
    assertNull(Authenticator.scheme(null));
    assertNull(Authenticator.scheme(" \t"));
  }
}
