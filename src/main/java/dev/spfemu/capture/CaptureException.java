package dev.spfemu.capture;

/** Why a capture cannot go on, in one line a user can act on (the command prints it and exits with 1). */
public final class CaptureException extends Exception {

  public CaptureException(String message) {
    super(message);
  }

  public CaptureException(String message, Throwable cause) {
    super(message, cause);
  }
}
