package dev.spfemu.model;

import java.util.UUID;

/**
 * Strict GUID text handling shared by every place that meets GUIDs in text (payloads, URLs):
 * exactly 8-4-4-4-12 ASCII hex digits. {@link UUID#fromString} is too lenient for that (it takes
 * {@code 1-2-3-4-5}), and {@link Character#digit} accepts non-ASCII digits.
 */
public final class Guids {

  private static final int LENGTH = 36;

  private Guids() {
  }

  /** Whether {@code text} is a GUID in the 8-4-4-4-12 form, nothing more. */
  public static boolean isGuid(CharSequence text) {
    if (text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHexDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /** The GUID in {@code text} (optionally in braces, as .NET also writes it), or null. */
  public static UUID parse(String text) {
    String s = text;
    if (s.length() == LENGTH + 2 && s.charAt(0) == '{' && s.charAt(LENGTH + 1) == '}') {
      s = s.substring(1, LENGTH + 1);
    }
    return isGuid(s) ? UUID.fromString(s) : null;
  }

  private static boolean isHexDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
