package dev.spfemu.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.server.auth.AuthResult.Accepted;
import dev.spfemu.server.auth.AuthResult.Challenge;
import dev.spfemu.server.auth.AuthResult.Refused;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Who a request is, per scope and credential, without HTTP (a request is its headers, attributes and connection). */
class AuthenticatorTest {

  private static final String TENANT = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String OTHER = "11111111-2222-3333-4444-555555555555";

  private final AtomicLong nanos = new AtomicLong();
  private final Authenticator secured = authenticator(new Accounts(Map.of("admin", "Pässword:1"),
      Map.of("any-token", Set.of(), "tenant-token", Set.of(TENANT)), true));
  private final Authenticator open = authenticator(Accounts.none());

  private Authenticator authenticator(Accounts accounts) {
    return new Authenticator(accounts, new NtlmHandshakes(100, Duration.ofMinutes(10), nanos::get), Clock.systemUTC());
  }

  private static Caller caller(String connection, String authorization, X509Certificate... chain) {
    Map<String, Object> attributes = new HashMap<>();
    if (chain.length > 0) {
      attributes.put("javax.servlet.request.X509Certificate", chain);
    }
    return new Caller(name -> name.equals("Authorization") ? authorization : null, attributes::get, () -> connection);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static X509Certificate certificate(String name) {
    try (InputStream in = AuthenticatorTest.class.getResourceAsStream(name)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String principal(AuthResult result) {
    return assertInstanceOf(Accepted.class, result).principal();
  }

  private static Refused refused(AuthResult result, int status) {
    Refused refused = assertInstanceOf(Refused.class, result);
    assertEquals(status, refused.status(), refused.message());
    return refused;
  }

  @Test
  void openEveryRequestPassesAsNobody() {
    assertEquals(null, principal(open.authenticate(Scope.SPF, null, caller("c", null))));
    assertEquals(null, principal(open.authenticate(Scope.TENANT, TENANT, caller("c", basic("x", "y")))));
    assertEquals(null, principal(open.authenticate(Scope.TENANT, TENANT, caller("c", "Bearer whatever"))));
  }

  @Test
  void openAnNtlmHandshakeIsPlayedAndAnyAnswerAccepted() {
    Challenge challenge = assertInstanceOf(Challenge.class,
        open.authenticate(Scope.SPF, null, caller("c", "NTLM " + NtlmClient.GO_NEGOTIATE)));
    String answer = NtlmClient.authenticate("NTLM " + challenge.challenge(), "terraform", "CORP", "anything");
    assertEquals("terraform", principal(open.authenticate(Scope.SPF, null, caller("c", answer))));
    assertEquals("terraform", principal(open.authenticate(Scope.SPF, null, caller("c", null))),
        "the connection stays authenticated");
    refused(open.authenticate(Scope.SPF, null, caller("c", "NTLM %%%")), 401);
  }

  @Test
  void basicWithAConfiguredUserPasses() {
    assertEquals("admin", principal(secured.authenticate(Scope.SPF, null, caller("c", basic("admin", "Pässword:1")))));
    assertEquals("admin", principal(secured.authenticate(Scope.SPF, null, caller("c", basic("ADMIN", "Pässword:1")))),
        "user names compare case-insensitively, as Windows's do");
    assertEquals("admin", principal(secured.authenticate(Scope.TENANT, TENANT,
        caller("c", basic("CONTOSO\\admin", "Pässword:1")))), "a DOMAIN\\ prefix is ignored");
  }

  @Test
  void basicWithAWrongPasswordMissingOrMalformedCredentialsIsRefused() {
    assertTrue(refused(secured.authenticate(Scope.SPF, null, caller("c", basic("admin", "pässword:1"))), 401)
        .message().contains("user name or password"));
    refused(secured.authenticate(Scope.SPF, null, caller("c", basic("nobody", "Pässword:1"))), 401);
    assertTrue(refused(secured.authenticate(Scope.SPF, null, caller("c", null)), 401).message()
        .contains("--user NAME:PASSWORD"));
    assertTrue(refused(secured.authenticate(Scope.SPF, null, caller("c", "Basic %%%")), 401).message()
        .contains("not base64"));
    refused(secured.authenticate(Scope.SPF, null, caller("c", "Basic " + Base64.getEncoder().encodeToString(
        "admin".getBytes(StandardCharsets.UTF_8)))), 401);
    refused(secured.authenticate(Scope.SPF, null, caller("c", "Digest username=admin")), 401);
  }

  @Test
  void ntlmV2IsVerifiedAgainstThePassword() {
    Challenge challenge = assertInstanceOf(Challenge.class,
        secured.authenticate(Scope.SPF, null, caller("c1", "NTLM " + NtlmClient.GO_NEGOTIATE)));
    String answer = NtlmClient.authenticate("NTLM " + challenge.challenge(), "Admin", "CORP", "Pässword:1");
    assertEquals("admin", principal(secured.authenticate(Scope.SPF, null, caller("c1", answer))));
    assertEquals("admin", principal(secured.authenticate(Scope.SPF, null, caller("c1", null))),
        "later requests on the connection are the same user's");
    refused(secured.authenticate(Scope.SPF, null, caller("c2", null)), 401);
    refused(secured.authenticate(Scope.SPF, null, caller("c2", answer)), 401);
  }

  @Test
  void ntlmWithAWrongPasswordOrAReplayedAnswerIsRefused() {
    Challenge challenge = assertInstanceOf(Challenge.class,
        secured.authenticate(Scope.SPF, null, caller("c1", "NTLM " + NtlmClient.GO_NEGOTIATE)));
    String wrong = NtlmClient.authenticate("NTLM " + challenge.challenge(), "admin", "CORP", "guess");
    assertTrue(refused(secured.authenticate(Scope.SPF, null, caller("c1", wrong)), 401).message()
        .contains("user name or password"));
    String right = NtlmClient.authenticate("NTLM " + challenge.challenge(), "admin", "CORP", "Pässword:1");
    assertTrue(refused(secured.authenticate(Scope.SPF, null, caller("c1", right)), 401).message()
        .contains("NEGOTIATE message first"), "the challenge was used up by the first answer");
    refused(secured.authenticate(Scope.SPF, null, caller("c1", "NTLM not-base64!")), 401);
  }

  @Test
  void ntlmV1IsRefused() {
    Challenge challenge = assertInstanceOf(Challenge.class,
        secured.authenticate(Scope.SPF, null, caller("c1", "NTLM " + NtlmClient.GO_NEGOTIATE)));
    assertTrue(challenge.challenge().length() > 0);
    String v1 = "NTLM " + Base64.getEncoder().encodeToString(
        NtlmClient.message(1, new byte[24], new byte[24], "CORP", "admin", "WS"));
    assertTrue(refused(secured.authenticate(Scope.SPF, null, caller("c1", v1)), 401).message().contains("NTLMv2"));
  }

  @Test
  void bearerTokensOnTheTenantRootsOfTheirSubscriptions() {
    assertEquals(Authenticator.BEARER_PRINCIPAL,
        principal(secured.authenticate(Scope.TENANT, TENANT, caller("c", "Bearer tenant-token"))));
    assertEquals(Authenticator.BEARER_PRINCIPAL,
        principal(secured.authenticate(Scope.TENANT, OTHER, caller("c", "Bearer any-token"))));
    assertTrue(refused(secured.authenticate(Scope.TENANT, OTHER, caller("c", "Bearer tenant-token")), 403)
        .message().contains(OTHER));
    refused(secured.authenticate(Scope.TENANT, TENANT, caller("c", "Bearer unknown")), 401);
    assertTrue(refused(secured.authenticate(Scope.SPF, null, caller("c", "Bearer any-token")), 401).message()
        .contains("Basic or NTLM"));
    assertEquals(Authenticator.BEARER_PRINCIPAL,
        principal(secured.authenticate(Scope.WAP_ADMIN, null, caller("c", "Bearer any-token"))));
    refused(secured.authenticate(Scope.WAP_ADMIN, null, caller("c", "Bearer tenant-token")), 403);
  }

  @Test
  void aVerifiedClientCertificateAuthenticatesOnTheTenantRootsAsItsSubject() {
    X509Certificate withCn = certificate("client-cn.pem");
    X509Certificate withoutCn = certificate("client-no-cn.pem");
    assertEquals("dasein-client", principal(secured.authenticate(Scope.TENANT, TENANT, caller("c", null, withCn))));
    assertEquals("OU=Tenants,O=Fabrikam",
        principal(secured.authenticate(Scope.TENANT, TENANT, caller("c", null, withoutCn))));
    refused(secured.authenticate(Scope.SPF, null, caller("c", null, withCn)), 401);
    Authenticator noClientCa = authenticator(new Accounts(Map.of("admin", "x"), Map.of(), false));
    refused(noClientCa.authenticate(Scope.TENANT, TENANT, caller("c", null, withCn)), 401);
  }

  @Test
  void theAdminApiCanAskForAConfiguredUser() {
    assertEquals("admin", principal(secured.authenticateUser(caller("c", basic("admin", "Pässword:1")))));
    refused(secured.authenticateUser(caller("c", "Bearer any-token")), 401);
    refused(open.authenticateUser(caller("c", basic("admin", "x"))), 401);
  }

  @Test
  void challengesOfferBasicAndNtlmAndBearerWhereTokensAreTaken() {
    assertEquals(List.of("Basic realm=\"SPF VMM Emulator\"", "NTLM"), secured.challenges(Scope.SPF));
    assertEquals(List.of("Basic realm=\"SPF VMM Emulator\"", "NTLM", "Bearer realm=\"SPF VMM Emulator\""),
        secured.challenges(Scope.TENANT));
  }
}
