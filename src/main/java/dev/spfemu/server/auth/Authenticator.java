package dev.spfemu.server.auth;

import dev.spfemu.server.auth.AuthResult.Accepted;
import dev.spfemu.server.auth.AuthResult.Challenge;
import dev.spfemu.server.auth.AuthResult.Refused;
import dev.spfemu.server.auth.NtlmMessages.Authenticate;
import dev.spfemu.server.auth.NtlmMessages.MalformedNtlm;
import dev.spfemu.server.auth.NtlmMessages.ServerNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Decides who a request is (docs/operations.md, "Authentication"): HTTP Basic (RFC 7617) and NTLMv2
 * against the configured users, bearer tokens on WAP's roots, a verified client certificate on the
 * tenant roots. With nothing configured every request passes, and an NTLM handshake is still played
 * (any AUTHENTICATE accepted), so NTLM clients work against an open emulator.
 */
public final class Authenticator {

  /** The realm of the Basic challenge. */
  public static final String REALM = "SPF VMM Emulator";
  /** The principal of a request authenticated by a bearer token (the token itself is a secret). */
  public static final String BEARER_PRINCIPAL = "bearer";
  static final ServerNames NAMES = new ServerNames("SPFEMU", "SPF-EMULATOR", "spfemu.local",
      "spf-emulator.spfemu.local");
  private static final int MAX_HANDSHAKES = 10_000;
  private static final Duration HANDSHAKE_TTL = Duration.ofMinutes(10);

  private final Accounts accounts;
  private final NtlmHandshakes handshakes;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Authenticator(Accounts accounts) {
    this(accounts, new NtlmHandshakes(MAX_HANDSHAKES, HANDSHAKE_TTL, System::nanoTime), Clock.systemUTC());
  }

  Authenticator(Accounts accounts, NtlmHandshakes handshakes, Clock clock) {
    this.accounts = accounts;
    this.handshakes = handshakes;
    this.clock = clock;
  }

  /** Whether any credential is configured (otherwise every request passes). */
  public boolean configured() {
    return accounts.configured();
  }

  /** The {@code WWW-Authenticate} values of a 401 on a root of {@code scope}. */
  public List<String> challenges(Scope scope) {
    List<String> challenges = new ArrayList<>(List.of("Basic realm=\"" + REALM + "\"", "NTLM"));
    if (scope.takesBearer() && !accounts.tokens().isEmpty()) {
      challenges.add("Bearer realm=\"" + REALM + "\"");
    }
    return challenges;
  }

  /** Forgets the NTLM state of a connection that closed. */
  public void connectionClosed(String connection) {
    handshakes.forget(connection);
  }

  /**
   * Who the request is on a root of {@code scope}.
   *
   * @param subscription the subscription of the root, or null
   */
  public AuthResult authenticate(Scope scope, String subscription, Caller caller) {
    String authorization = caller.authorization();
    String scheme = scheme(authorization);
    if (!accounts.configured()) {
      return "ntlm".equals(scheme) ? ntlm(caller, credentials(authorization), false)
          : new Accepted(handshakes.user(caller::connection));
    }
    X509Certificate[] chain = scope.takesCertificates() && accounts.clientCertificates() ? caller.certificates() : null;
    if (chain != null) {
      return new Accepted(subject(chain[0]));
    }
    if (scheme == null) {
      String user = handshakes.user(caller::connection);
      return user != null ? new Accepted(user) : new Refused(401, "The request has no credentials. " + whatToSend(scope));
    }
    return switch (scheme) {
      case "basic" -> basic(credentials(authorization), scope);
      case "ntlm" -> ntlm(caller, credentials(authorization), true);
      case "bearer" -> bearer(credentials(authorization), scope, subscription);
      default -> new Refused(401, "The authorization scheme '" + authorization.split(" ", 2)[0]
          + "' is not supported. " + whatToSend(scope));
    };
  }

  /**
   * Whether the request is a configured user's, by HTTP Basic or NTLM (for the admin API); refused
   * when no user is configured.
   */
  public AuthResult authenticateUser(Caller caller) {
    if (accounts.users().isEmpty()) {
      return new Refused(401, "No user is configured: start the emulator with --user NAME:PASSWORD.");
    }
    return authenticate(Scope.SPF, null, caller);
  }

  private AuthResult basic(String encoded, Scope scope) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Refused(401, "The Basic credentials are not base64. " + whatToSend(scope));
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return new Refused(401, "The Basic credentials are not base64(user:password). " + whatToSend(scope));
    }
    String sent = decoded.substring(0, colon);
    String user = userNamed(sent, "");
    String password = user == null ? "" : accounts.users().get(user);
    boolean same = sameSecret(password, decoded.substring(colon + 1));
    return user != null && same ? new Accepted(user)
        : new Refused(401, "The user name or password is not right. " + whatToSend(scope));
  }

  private AuthResult ntlm(Caller caller, String encoded, boolean verify) {
    String connection = caller.connection();
    try {
      byte[] message = Base64.getDecoder().decode(encoded);
      int type = NtlmMessages.type(message);
      if (type == 1) {
        byte[] challenge = new byte[8];
        random.nextBytes(challenge);
        handshakes.challenged(connection, challenge);
        return new Challenge(Base64.getEncoder().encodeToString(NtlmMessages.challenge(
            NtlmMessages.negotiateFlags(message), challenge, NAMES, clock.instant())));
      }
      if (type != 3) {
        throw new MalformedNtlm("a client sends NEGOTIATE (type 1) or AUTHENTICATE (type 3), not type " + type);
      }
      Authenticate answer = NtlmMessages.authenticate(message);
      byte[] challenge = handshakes.takeChallenge(connection);
      if (!verify) {
        String principal = answer.user().isEmpty() ? null : answer.user();
        handshakes.authenticated(connection, principal);
        return new Accepted(principal);
      }
      if (challenge == null) {
        return new Refused(401, "The NTLM AUTHENTICATE message answers no challenge of this connection: send the "
            + "NEGOTIATE message first and the AUTHENTICATE message on the same (kept-alive) connection.");
      }
      if (!NtlmV2.isV2(answer.ntResponse())) {
        return new Refused(401, "The NTLM response is not NTLMv2 (NTLMv1, LM and anonymous logons are refused): "
            + "use NTLMv2 (on Windows, LmCompatibilityLevel 3 or more).");
      }
      String user = userNamed(answer.user(), answer.domain());
      boolean proven = user != null && NtlmV2.verify(answer.ntResponse(), answer.user(), answer.domain(),
          accounts.users().get(user), challenge);
      if (!proven) {
        return new Refused(401, "The NTLM user name or password is not right. " + whatToSend(Scope.SPF));
      }
      handshakes.authenticated(connection, user);
      return new Accepted(user);
    } catch (IllegalArgumentException | MalformedNtlm e) {
      return new Refused(401, "The NTLM message is not valid (" + e.getMessage() + "). " + whatToSend(Scope.SPF));
    }
  }

  private AuthResult bearer(String token, Scope scope, String subscription) {
    if (!scope.takesBearer()) {
      return new Refused(401, "SPF's own roots take HTTP Basic or NTLM, not bearer tokens (WAP's tenant API, "
          + "/{subscription}/services/systemcenter/vmm/, takes those). " + whatToSend(scope));
    }
    Set<String> subscriptions = null;
    for (Map.Entry<String, Set<String>> configured : accounts.tokens().entrySet()) {
      if (sameSecret(configured.getKey(), token)) {
        subscriptions = configured.getValue();
      }
    }
    if (subscriptions == null) {
      return new Refused(401, "The bearer token is not one the emulator was given. " + whatToSend(scope));
    }
    if (subscriptions.isEmpty() || scope == Scope.ANY) {
      return new Accepted(BEARER_PRINCIPAL);
    }
    if (scope == Scope.WAP_ADMIN) {
      return new Refused(403, "The bearer token is valid for some subscriptions only, and the admin root serves "
          + "every subscription: use a token given without subscriptions (--token TOKEN).");
    }
    String wanted = subscription == null ? "" : subscription.toLowerCase(Locale.ROOT);
    return subscriptions.contains(wanted) ? new Accepted(BEARER_PRINCIPAL)
        : new Refused(403, "The bearer token is not valid for subscription " + subscription
            + ": use a token given for it (--token TOKEN=" + subscription + ").");
  }

  /** The configured user {@code name} (or {@code DOMAIN\name}) is, or null. */
  private String userNamed(String name, String domain) {
    String user = accounts.userNamed(domain.isEmpty() ? name : domain + "\\" + name);
    if (user == null) {
      user = accounts.userNamed(name.substring(name.indexOf('\\') + 1));
    }
    return user;
  }

  /** The certificate's subject CN, or its whole distinguished name when it has none. */
  static String subject(X509Certificate certificate) {
    String dn = certificate.getSubjectX500Principal().getName();
    try {
      List<Rdn> rdns = new LdapName(dn).getRdns();
      for (int i = rdns.size() - 1; i >= 0; i--) {
        if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
          return String.valueOf(rdns.get(i).getValue());
        }
      }
    } catch (InvalidNameException e) {
      return dn;
    }
    return dn;
  }

  /** Compares two secrets in time that does not depend on where they differ, or on their lengths. */
  private static boolean sameSecret(String expected, String given) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String scheme(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return null;
    }
    String trimmed = authorization.trim();
    return trimmed.substring(0, schemeEnd(trimmed)).toLowerCase(Locale.ROOT);
  }

  static String credentials(String authorization) {
    String trimmed = authorization.trim();
    return trimmed.substring(schemeEnd(trimmed)).trim();
  }

  /**
   * Where the scheme ends: at the first space, tab or line break (what the regular expression {@code \s} means),
   * or at the end. Found by hand: {@code split("\\s+")} compiles its expression on every call, twice a request.
   */
  private static int schemeEnd(String trimmed) {
    for (int i = 0; i < trimmed.length(); i++) {
      switch (trimmed.charAt(i)) {
        case ' ', '\t', '\n', '\u000B', '\f', '\r' -> {
          return i;
        }
        default -> {
          // part of the scheme
        }
      }
    }
    return trimmed.length();
  }

  private static String whatToSend(Scope scope) {
    String users = "HTTP Basic (Authorization: Basic base64(user:password)) or NTLM with a user the emulator "
        + "was started with (--user NAME:PASSWORD)";
    return switch (scope) {
      case SPF -> "Send " + users + ".";
      case WAP_ADMIN -> "Send " + users + ", or Authorization: Bearer TOKEN (--token).";
      case TENANT, ANY -> "Send " + users + ", Authorization: Bearer TOKEN (--token), or a client certificate "
          + "that chains to --client-ca (over HTTPS).";
    };
  }
}
