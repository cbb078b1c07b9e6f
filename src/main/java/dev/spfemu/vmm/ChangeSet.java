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
