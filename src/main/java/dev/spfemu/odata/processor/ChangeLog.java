package dev.spfemu.odata.processor;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.EntitySet;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo record of one {@code $batch} change set: what each operation changed, so that when a
 * later operation fails the earlier ones can be taken back and the change set stores nothing. It
 * makes a change set atomic against failure; other requests running at the same time may still
 * see its changes before a rollback (the emulator takes no locks).
 */
final class ChangeLog {

  private final Deque<Runnable> undo = new ArrayDeque<>();

  void created(EntitySet set, String subscription, EntityKey key) {
    undo.push(() -> set.discard(subscription, key));
  }

  /** An update or delete: {@code before} is the entity as it was. */
  void changed(EntitySet set, String subscription, EntityRecord before) {
    undo.push(() -> set.restore(subscription, before));
  }

  /** Undoes everything recorded, newest first. */
  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
  }
}
