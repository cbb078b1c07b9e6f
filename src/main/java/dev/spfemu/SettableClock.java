package dev.spfemu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock a test can set: fixed at an instant, advanced by a duration, or running with an offset.
 * Give it to {@link EmulatorOptions.Builder#clock} and every timestamp the emulator writes
 * ({@code AddedTime}, {@code ModifiedTime}, job times, Atom {@code <updated>}) follows it.
 * Thread-safe.
 *
 * <p>Its time stays within {@link #EARLIEST} and {@link #LATEST} (the years 1900 to 9999, which every
 * format writes, and which leave room for job durations), and a shift or move is at most
 * {@link #MAX_SHIFT}: a setting outside them is refused with an {@link IllegalArgumentException}
 * rather than breaking every later timestamp.
 */
public final class SettableClock extends Clock {

  /** The earliest time the clock can be set to. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  /** The latest time the clock can be set to (the end of year 9999, the last with four digits). */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.9999999Z");
  /** The longest shift or move: a century either way. */
  public static final Duration MAX_SHIFT = Duration.ofDays(36525);

  private final Clock base;
  private volatile Instant fixed;
  private volatile Duration offset = Duration.ZERO;
  /** Told after every change, so running jobs catch up with the new time at once. */
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private SettableClock(Clock base, Instant fixed) {
    this.base = base;
    this.fixed = fixed;
  }

  /** A clock that stands still at {@code instant} until told otherwise. */
  public static SettableClock fixedAt(Instant instant) {
    return new SettableClock(Clock.systemUTC(), instant);
  }

  /** A clock that runs with the system clock, shifted by what {@link #offset} sets. */
  public static SettableClock running() {
    return over(Clock.systemUTC());
  }

  /** A clock that runs with {@code base} until it is fixed or shifted. */
  public static SettableClock over(Clock base) {
    return base instanceof SettableClock settable ? settable : new SettableClock(base, null);
  }

  /**
   * Stops the clock at {@code instant}.
   *
   * @throws IllegalArgumentException when it is before {@link #EARLIEST} or after {@link #LATEST}
   */
  public SettableClock fix(Instant instant) {
    this.fixed = inRange(instant, "fixed at");
    changed();
    return this;
  }

  /**
   * Moves the clock forward (or back, for a negative duration).
   *
   * @throws IllegalArgumentException when {@code duration} is longer than {@link #MAX_SHIFT} or the
   *     clock would leave its range; the clock is left as it was
   */
  public SettableClock advance(Duration duration) {
    withinShift(duration, "moved by");
    synchronized (this) {
      if (fixed != null) {
        fixed = inRange(fixed.plus(duration), "moved to");
      } else {
        inRange(base.instant().plus(offset).plus(duration), "moved to");
        offset = offset.plus(duration);
      }
    }
    changed(); // outside the lock: listeners wait for the emulator's job thread
    return this;
  }

  /**
   * Lets the clock run with the system clock shifted by {@code offset}.
   *
   * @throws IllegalArgumentException when {@code offset} is longer than {@link #MAX_SHIFT} or the
   *     clock would leave its range
   */
  public SettableClock offset(Duration offset) {
    withinShift(offset, "shifted by");
    inRange(base.instant().plus(offset), "shifted to");
    synchronized (this) {
      this.offset = offset;
      this.fixed = null;
    }
    changed();
    return this;
  }

  private static Instant inRange(Instant instant, String what) {
    if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException("the clock cannot be " + what + " " + instant + ": it stays between "
          + EARLIEST + " and " + LATEST);
    }
    return instant;
  }

  private static void withinShift(Duration duration, String what) {
    if (duration == null || duration.compareTo(MAX_SHIFT) > 0 || duration.compareTo(MAX_SHIFT.negated()) < 0) {
      throw new IllegalArgumentException("the clock cannot be " + what + " " + duration
          + ": a move or shift is at most 100 years (" + MAX_SHIFT.toDays() + " days) either way");
    }
  }

  /** What the clock is set to, so {@link SpfEmulator#reset()} can put it back as it was at start. */
  synchronized Setting setting() {
    return new Setting(fixed, offset);
  }

  void restore(Setting setting) {
    synchronized (this) {
      this.fixed = setting.fixed();
      this.offset = setting.offset();
    }
    changed();
  }

  /** Runs {@code listener} after each change of the clock (an emulator's jobs catching up). */
  void onChange(Runnable listener) {
    listeners.add(listener);
  }

  void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }

  record Setting(Instant fixed, Duration offset) {}

  @Override
  public Instant instant() {
    Instant at = fixed;
    return at != null ? at : base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}
