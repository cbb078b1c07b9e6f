package dev.spfemu;

import java.time.Duration;

/**
 * What bounds the emulator's memory and work whatever clients send (docs/operations.md, "Limits").
 * Each has a default and can be changed (builder, command line).
 *
 * @param journalBodyBytes the most bytes of one request's or response's body the journal keeps
 * @param maxFaultDelay the longest delay a fault rule may ask for
 */
public record Limits(int journalBodyBytes, Duration maxFaultDelay) {

  /** The journal keeps the first 64 KiB of a body, as WireMock-style tools keep a bounded body. */
  public static final int DEFAULT_JOURNAL_BODY_BYTES = 64 * 1024;
  /** A fault delay longer than a minute is a hang, not a test of a client's patience. */
  public static final Duration DEFAULT_MAX_FAULT_DELAY = Duration.ofSeconds(60);

  public Limits {
    if (journalBodyBytes < 0) {
      throw new IllegalArgumentException("the journal's body limit cannot be negative, not " + journalBodyBytes);
    }
    if (maxFaultDelay == null || maxFaultDelay.isNegative()) {
      throw new IllegalArgumentException("the longest fault delay must be zero or more");
    }
  }

  public static Limits defaults() {
    return new Limits(DEFAULT_JOURNAL_BODY_BYTES, DEFAULT_MAX_FAULT_DELAY);
  }

  public Limits withJournalBodyBytes(int bytes) {
    return new Limits(bytes, maxFaultDelay);
  }

  public Limits withMaxFaultDelay(Duration delay) {
    return new Limits(journalBodyBytes, delay);
  }
}
