package dev.spfemu.vmm;

/**
 * A {@code $batch} change set as the domain keeps it: every change made on this thread while it is
 * open can be taken back, side effects included (see {@link Vmm#beginChangeSet()}).
 */
public final class ChangeSet implements AutoCloseable {

  private final Runnable rollback;
  private final Runnable close;

  ChangeSet(Runnable rollback, Runnable close) {
    this.rollback = rollback;
    this.close = close;
  }

  /**
   * A change set made of others, for a domain whose changes reach another's (creating an Admin
   * tenant creates a VMM user role): a rollback takes back the last one first; closing closes all.
   */
  public static ChangeSet of(ChangeSet... parts) {
    return new ChangeSet(() -> {
      for (int i = parts.length - 1; i >= 0; i--) {
        parts[i].rollback();
      }
    }, () -> {
      for (int i = parts.length - 1; i >= 0; i--) {
        parts[i].close();
      }
    });
  }

  /** A change set over the domain's own record of changes ({@code vmm.entity.ChangeSets}). */
  public static ChangeSet of(Runnable rollback, Runnable close) {
    return new ChangeSet(rollback, close);
  }

  /** Takes back every change made in the change set, newest first. */
  public void rollback() {
    rollback.run();
  }

  /** Ends the change set; what it changed stays. */
  @Override
  public void close() {
    close.run();
  }
}
