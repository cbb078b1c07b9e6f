package dev.spfemu.server.auth;

/** What {@link Authenticator} decided about a request. */
public sealed interface AuthResult {

  /** The request may pass; {@code principal} is who it is (null: nobody in particular, authentication is off). */
  record Accepted(String principal) implements AuthResult {
  }

  /** The next leg of an NTLM handshake: 401 with {@code WWW-Authenticate: NTLM <challenge>}. */
  record Challenge(String challenge) implements AuthResult {
  }

  /** Refused: 401 (no valid credential; the client is told what to send) or 403 (valid, not here). */
  record Refused(int status, String message) implements AuthResult {
  }
}
