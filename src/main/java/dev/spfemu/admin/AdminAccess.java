package dev.spfemu.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the admin API (docs/operations.md, "The admin API"), decided from the request's
 * {@code Authorization} header and remote address only:
 * <ol>
 *   <li>with an admin token ({@code --admin-token}): every call must send {@code Authorization: Bearer
 *       TOKEN}, else 401 with {@code WWW-Authenticate: Bearer}; or HTTP Basic with the token as the
 *       password (any user name), which is how a browser sends it: the live page's 401 asks for Basic,
 *       so the browser prompts, then sends it with the page's own calls;</li>
 *   <li>else, with users ({@code --user}): every call must send HTTP Basic with one of them, else 401
 *       with {@code WWW-Authenticate: Basic};</li>
 *   <li>else only callers on this machine (a loopback address) may call; anyone else gets 403.</li>
 * </ol>
 * Secrets are compared as SHA-256 digests with {@link MessageDigest#isEqual} (constant time, and
 * the digest hides the length). An instance is immutable, one per emulator.
 */
public final class AdminAccess {

  static final String BEARER_CHALLENGE = "Bearer realm=\"SPF emulator admin API\"";

  private final byte[] tokenDigest;
  private final BasicCredentials users;

  private AdminAccess(String adminToken, Map<String, String> users) {
    this.tokenDigest = adminToken == null ? null : digest(adminToken);
    this.users = new BasicCredentials(users);
  }

  /**
   * @param adminToken the bearer token every call must carry, or null
   * @param users names to passwords that may call with HTTP Basic when there is no admin token
   */
  public static AdminAccess of(String adminToken, Map<String, String> users) {
    return new AdminAccess(adminToken, users);
  }

  /** No token and no users: callers on this machine only. */
  public static AdminAccess loopbackOnly() {
    return new AdminAccess(null, Map.of());
  }

  /** Whether anyone can call with a credential (otherwise only callers on this machine can). */
  public boolean authenticates() {
    return tokenDigest != null || !users.isEmpty();
  }

  /**
   * The refusal of a call, or empty when it may go on.
   *
   * @param authorization the {@code Authorization} header, or null
   * @param remoteAddress the caller's IP address
   */
  public Optional<Refusal> check(String authorization, String remoteAddress) {
    return check(authorization, remoteAddress, false);
  }

  /**
   * The same; {@code page} says the call is for the live page, whose 401 asks a browser for Basic.
   */
  public Optional<Refusal> check(String authorization, String remoteAddress, boolean page) {
    if (tokenDigest != null) {
      String token = credential(authorization, "Bearer ");
      if (token == null) {
        token = BasicCredentials.password(credential(authorization, "Basic "));
      }
      if (token == null || !MessageDigest.isEqual(tokenDigest, digest(token))) {
        return Optional.of(new Refusal(401, "The admin API needs 'Authorization: Bearer TOKEN' with the emulator's"
            + " --admin-token (a browser: any user name, and the token as the password).",
            page ? BasicCredentials.CHALLENGE : BEARER_CHALLENGE));
      }
      return Optional.empty();
    }
    if (!users.isEmpty()) {
      if (!users.accepts(credential(authorization, "Basic "))) {
        return Optional.of(new Refusal(401, "The admin API needs HTTP Basic with one of the emulator's --user"
            + " credentials.", BasicCredentials.CHALLENGE));
      }
      return Optional.empty();
    }
    if (!isLoopback(remoteAddress)) {
      return Optional.of(new Refusal(403, "The admin API answers callers on the emulator's machine only ("
          + remoteAddress + " is not a loopback address). Start the emulator with --admin-token TOKEN and send"
          + " 'Authorization: Bearer TOKEN' to call it from elsewhere.", null));
    }
    return Optional.empty();
  }

  /**
   * The warning to log at start, or empty: the emulator listens on {@code host}, an address other
   * machines can reach, while the admin API has no credential (so it answers this machine only).
   *
   * @param spfRootsOpen whether the SPF roots need no credential either
   */
  public Optional<String> exposureWarning(String host, boolean spfRootsOpen) {
    if (authenticates() || isLoopbackHost(host)) {
      return Optional.empty();
    }
    return Optional.of("The emulator listens on " + host + ", which other machines can reach, and"
        + (spfRootsOpen ? " anyone who reaches it can read and change every subscription's entities;" : "")
        + " its admin API (/_emulator/: reset, state, faults, journal) has no credential, so it answers callers"
        + " on this machine only (others get 403). To lock it and use it from elsewhere, start with --admin-token"
        + " TOKEN" + (spfRootsOpen ? " (and --user NAME:PASSWORD for the SPF roots)" : "")
        + ", or listen on 127.0.0.1 (--host 127.0.0.1).");
  }

  /** Whether {@code host} (an address or a name) is a loopback address; one that does not resolve is not. */
  static boolean isLoopbackHost(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Whether {@code address}, an IP address as a connection shows it, is a loopback address. Only IP
   * literals count (a name is never looked up in DNS).
   */
  static boolean isLoopback(String address) {
    if (address == null) {
      return false;
    }
    String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
        : address;
    boolean ip = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") || literal.contains(":");
    return ip && isLoopbackHost(literal);
  }

  /** The credential after {@code scheme} (compared in any case), or null when the header has another scheme. */
  static String credential(String authorization, String scheme) {
    if (authorization == null || !authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
      return null;
    }
    return authorization.substring(scheme.length()).trim();
  }

  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Why a call is refused: its status (401, 403), the message of the error body and, for a 401, the
   * {@code WWW-Authenticate} challenge.
   */
  public record Refusal(int status, String message, String challenge) {
  }
}
