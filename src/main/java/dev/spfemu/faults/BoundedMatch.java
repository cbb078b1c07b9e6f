package dev.spfemu.faults;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Finds a pattern in a text within a time budget. Java's regular expressions backtrack, so a pattern
 * such as {@code (a+)+$} takes exponential time on a path of many {@code a}s: a fault rule could hang
 * every request it is tried on. The text is handed to the matcher through a {@link CharSequence}
 * that checks the clock as the matcher reads it, and gives up once the budget is spent.
 */
final class BoundedMatch {

  /** Far beyond what a sensible pattern needs on a request path (microseconds), and short for a client. */
  static final Duration BUDGET = Duration.ofMillis(100);

  private BoundedMatch() {
  }

  /** Whether {@code pattern} is found in {@code text}; false when finding out takes longer than {@link #BUDGET}. */
  static boolean find(Pattern pattern, String text) {
    return find(pattern, text, BUDGET);
  }

  static boolean find(Pattern pattern, String text, Duration budget) {
    try {
      return pattern.matcher(new Deadlined(text, System.nanoTime() + budget.toNanos())).find();
    } catch (OutOfTime e) {
      return false;
    }
  }

  /** A text that throws {@link OutOfTime} when read after its deadline (checked every 1024 reads). */
  private static final class Deadlined implements CharSequence {
    private final String text;
    private final long deadline;
    private int reads;

    Deadlined(String text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 1023) == 0 && System.nanoTime() - deadline > 0) {
        throw new OutOfTime();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadlined(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The budget is spent (no stack trace: it is expected, and cheap to throw). */
  private static final class OutOfTime extends RuntimeException {
    OutOfTime() {
      super("the pattern took too long", null, false, false);
    }
  }
}
