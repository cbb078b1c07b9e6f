package dev.spfemu.format.codec;

/** A payload or URI value that is not a valid value of its EDM type; the message says why. */
public final class ValueFormatException extends Exception {

  public ValueFormatException(String message) {
    super(message, null, false, false);
  }
}
