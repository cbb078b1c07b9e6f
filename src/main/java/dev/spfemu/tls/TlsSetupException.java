package dev.spfemu.tls;

/** A certificate or key cannot be used for HTTPS; the message says what is wrong and how to fix it. */
public final class TlsSetupException extends RuntimeException {

  TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
