package dev.spfemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call the emulator (docs/operations.md). Authentication is off while nothing is configured
 * (tests stay one line); as soon as a user, token or client CA is, the SPF roots ask for it.
 *
 * @param users names and passwords for HTTP Basic and NTLM ({@code --user NAME:PASSWORD}, {@code --users FILE})
 * @param tokens bearer tokens for the tenant roots ({@code --token TOKEN[=SUBSCRIPTION,…]})
 * @param clientCa a PEM bundle: HTTPS asks for a client certificate that chains to it, or null
 * @param adminToken the bearer token the admin API ({@code /_emulator/}) requires, or null
 */
public record Credentials(List<User> users, List<Token> tokens, Path clientCa, String adminToken) {

  public Credentials {
    users = List.copyOf(users);
    tokens = List.copyOf(tokens);
  }

  /** A user of HTTP Basic and NTLM. */
  public record User(String name, String password) {
    public User {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(password, "password");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a user needs a name: use NAME:PASSWORD");
      }
    }

    /** {@code NAME:PASSWORD} (the password may contain ':'). */
    public static User parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("'" + text + "' is not NAME:PASSWORD");
      }
      return new User(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
      return "User[" + name + ", password ***]"; // never a password in a log line
    }
  }

  /** A bearer token, valid for the listed subscriptions (lower case) or, with none listed, for any. */
  public record Token(String token, Set<String> subscriptions) {
    public Token {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("a bearer token cannot be blank");
      }
      subscriptions = Set.copyOf(subscriptions);
    }

    /** {@code TOKEN} or {@code TOKEN=SUBSCRIPTION[,SUBSCRIPTION…]}. */
    public static Token parse(String text) {
      int equals = text.indexOf('=');
      if (equals < 0) {
        return new Token(text, Set.of());
      }
      List<String> subscriptions = new ArrayList<>();
      for (String each : text.substring(equals + 1).split(",")) {
        if (!each.isBlank()) {
          subscriptions.add(each.trim().toLowerCase(java.util.Locale.ROOT));
        }
      }
      return new Token(text.substring(0, equals), Set.copyOf(subscriptions));
    }

    @Override
    public String toString() {
      return "Token[***, " + subscriptions + "]";
    }
  }

  /** No credential at all: every root open (the default). */
  public static Credentials none() {
    return new Credentials(List.of(), List.of(), null, null);
  }

  /** Whether any credential is configured, so that the SPF roots require one. */
  public boolean configured() {
    return !users.isEmpty() || !tokens.isEmpty() || clientCa != null;
  }

  /** The users' passwords by name (a name given twice: the last password). */
  public Map<String, String> passwords() {
    Map<String, String> passwords = new LinkedHashMap<>();
    users.forEach(user -> passwords.put(user.name(), user.password()));
    return passwords;
  }

  public Credentials withUser(User user) {
    List<User> more = new ArrayList<>(users);
    more.add(user);
    return new Credentials(more, tokens, clientCa, adminToken);
  }

  public Credentials withToken(Token token) {
    List<Token> more = new ArrayList<>(tokens);
    more.add(token);
    return new Credentials(users, more, clientCa, adminToken);
  }

  public Credentials withClientCa(Path pemBundle) {
    return new Credentials(users, tokens, pemBundle, adminToken);
  }

  public Credentials withAdminToken(String token) {
    return new Credentials(users, tokens, clientCa, token);
  }

  @Override
  public String toString() {
    return "Credentials[" + users + ", " + tokens + ", clientCa=" + clientCa + ", adminToken="
        + (adminToken == null ? "none" : "***") + "]";
  }
}
