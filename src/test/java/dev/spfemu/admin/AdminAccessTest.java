package dev.spfemu.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call the admin API: the decision as a pure function of the credentials, the header and the address. */
class AdminAccessTest {

  private static final String REMOTE = "192.0.2.7";

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0:0:0:0:0:0:0:1", "::1", "[::1]", "::ffff:127.0.0.1"})
  void withNoCredentialCallersOnThisMachineMayCall(String loopback) {
    assertEquals(Optional.empty(), AdminAccess.loopbackOnly().check(null, loopback));
  }

  @ParameterizedTest
  @ValueSource(strings = {REMOTE, "10.0.0.1", "2001:db8::1", "localhost", "", "not an address"})
  void withNoCredentialAnyoneElseIs403(String remote) {
    AdminAccess.Refusal refusal = AdminAccess.loopbackOnly().check(null, remote).orElseThrow();
    assertEquals(403, refusal.status());
    assertTrue(refusal.message().contains("--admin-token"), refusal.message());
    assertEquals(null, refusal.challenge());
  }

  @Test
  void anAdminTokenIsRequiredFromEveryoneLoopbackIncluded() {
    AdminAccess access = AdminAccess.of("s3cret", Map.of("alice", "pw"));
    assertEquals(Optional.empty(), access.check("Bearer s3cret", REMOTE));
    assertEquals(Optional.empty(), access.check("bearer  s3cret ", "127.0.0.1"), "the scheme in any case");
    for (String wrong : new String[] {null, "Bearer s3cre", "Bearer s3cret2", "Bearer ", "s3cret", basic("alice", "pw")}) {
      AdminAccess.Refusal refusal = access.check(wrong, "127.0.0.1").orElseThrow();
      assertEquals(401, refusal.status(), String.valueOf(wrong));
      assertTrue(refusal.challenge().startsWith("Bearer"), refusal.challenge());
    }
  }

  @Test
  void withUsersAndNoTokenAUserMayCallWithBasicFromAnywhere() {
    AdminAccess access = AdminAccess.of(null, Map.of("alice", "p:w"));
    assertEquals(Optional.empty(), access.check(basic("alice", "p:w"), REMOTE), "a password may hold ':'");
    for (String wrong : new String[] {null, basic("alice", "pw"), basic("bob", "p:w"), "Basic !!!", "Bearer p:w",
        "Basic " + Base64.getEncoder().encodeToString("alice".getBytes(StandardCharsets.UTF_8))}) {
      AdminAccess.Refusal refusal = access.check(wrong, "127.0.0.1").orElseThrow();
      assertEquals(401, refusal.status(), String.valueOf(wrong));
      assertTrue(refusal.challenge().startsWith("Basic realm="), refusal.challenge());
    }
  }

  @Test
  void theWarningIsForANonLoopbackAddressWithNoCredentialOnly() {
    assertEquals(Optional.empty(), AdminAccess.loopbackOnly().exposureWarning("127.0.0.1", true));
    assertEquals(Optional.empty(), AdminAccess.loopbackOnly().exposureWarning("localhost", true));
    assertEquals(Optional.empty(), AdminAccess.of("t", Map.of()).exposureWarning("0.0.0.0", true));
    assertEquals(Optional.empty(), AdminAccess.of(null, Map.of("a", "b")).exposureWarning("0.0.0.0", false));
    String warning = AdminAccess.loopbackOnly().exposureWarning("0.0.0.0", true).orElseThrow();
    assertTrue(warning.contains("0.0.0.0") && warning.contains("--admin-token") && warning.contains("403")
        && warning.contains("anyone who reaches it"), warning);
    assertFalse(AdminAccess.loopbackOnly().exposureWarning("::", false).orElseThrow().contains("anyone who"));
  }
}
