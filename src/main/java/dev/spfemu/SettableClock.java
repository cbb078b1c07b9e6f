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
 */
public final class SettableClock extends Clock {

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

  /** Stops the clock at {@code instant}. */
  public SettableClock fix(Instant instant) {
    this.fixed = instant;
    changed();
    return this;
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public SettableClock advance(Duration duration) {
    synchronized (this) {
      if (fixed != null) {
        fixed = fixed.plus(duration);
      } else {
        offset = offset.plus(duration);
      }
    }
    changed(); // outside the lock: listeners wait for the emulator's job thread
    return this;
  }

  /** Lets the clock run with the system clock shifted by {@code offset}. */
  public SettableClock offset(Duration offset) {
    synchronized (this) {
      this.offset = offset;
      this.fixed = null;
    }
    changed();
    return this;
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
