package dev.spfemu.server.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may call, as the server sees it (the facade turns {@code Credentials} into this): users of
 * HTTP Basic and NTLM, bearer tokens with the subscriptions each is valid for (none listed: any),
 * and whether TLS client certificates (verified by the HTTPS connector) authenticate.
 *
 * @param users user name → password
 * @param tokens bearer token → lower-case subscription IDs it is valid for, empty for any
 * @param clientCertificates whether a verified client certificate authenticates on the tenant roots
 */
public record Accounts(Map<String, String> users, Map<String, Set<String>> tokens, boolean clientCertificates) {

  public Accounts {
    users = Map.copyOf(users);
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    tokens.forEach((token, subscriptions) -> copy.put(token, Set.copyOf(subscriptions)));
    tokens = Map.copyOf(copy);
  }

  /** Nobody configured: authentication is off (but NTLM clients are still answered, see {@link Authenticator}). */
  public static Accounts none() {
    return new Accounts(Map.of(), Map.of(), false);
  }

  /** Whether any credential is configured, so that every service root requires one. */
  public boolean configured() {
    return !users.isEmpty() || !tokens.isEmpty() || clientCertificates;
  }

  /**
   * The configured name of {@code name} (compared case-insensitively, as Windows compares account
   * names), or null.
   */
  String userNamed(String name) {
    if (name == null) {
      return null;
    }
    for (String user : users.keySet()) {
      if (user.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return user;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Accounts[users=" + users.keySet() + ", tokens=" + tokens.size() + ", clientCertificates="
        + clientCertificates + "]"; // never a password or a token
  }
}
