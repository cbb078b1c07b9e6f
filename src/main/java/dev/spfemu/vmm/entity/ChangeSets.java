package dev.spfemu.vmm.entity;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The change sets in progress, one per thread at most: while a thread is in one, every change the
 * domain makes on it (stored records, and state kept beside them such as checkpoint trees) leaves
 * an undo, so that a {@code $batch} change set that fails half-way stores nothing, side effects
 * included (a deleted VM's checkpoints, a moved current checkpoint, the jobs it started). A change
 * set is atomic against failure only: other requests may see its changes before a rollback (the
 * emulator takes no locks).
 */
public final class ChangeSets {

  /** Per emulator, not static: two emulators in one JVM never share a change set. */
  private final ThreadLocal<Deque<Runnable>> open = new ThreadLocal<>();

  /** Starts recording this thread's changes until the change set is closed. */
  public ChangeSet begin() {
    if (open.get() != null) {
      throw new IllegalStateException("a change set is already open on this thread");
    }
    Deque<Runnable> undo = new ArrayDeque<>();
    open.set(undo);
    return new ChangeSet(undo);
  }

  /** Records how to take back a change, if this thread is in a change set; otherwise does nothing. */
  public void onRollback(Runnable undo) {
    Deque<Runnable> recording = open.get();
    if (recording != null) {
      recording.push(undo);
    }
  }

  /** Whether this thread is in a change set (so that callers compute an undo only when one is needed). */
  public boolean recording() {
    return open.get() != null;
  }

  /** One change set: close it when done, roll it back first if it failed. */
  public final class ChangeSet implements AutoCloseable {

    private final Deque<Runnable> undo;

    private ChangeSet(Deque<Runnable> undo) {
      this.undo = undo;
    }

    /** Takes back every change made in it, newest first. */
    public void rollback() {
      open.remove(); // the undo's own changes are not recorded
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
    }

    @Override
    public void close() {
      open.remove();
    }
  }
}
