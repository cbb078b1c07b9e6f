package dev.spfemu;

import dev.spfemu.server.auth.Accounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The server's view of the configured {@link Credentials}. */
final class ServerAccounts {

  private ServerAccounts() {
  }

  static Accounts of(Credentials credentials) {
    Map<String, String> users = new LinkedHashMap<>();
    credentials.users().forEach(user -> users.put(user.name(), user.password()));
    Map<String, Set<String>> tokens = new LinkedHashMap<>();
    credentials.tokens().forEach(token -> tokens.put(token.token(), token.subscriptions()));
    return new Accounts(users, tokens, credentials.clientCa() != null);
  }
}
