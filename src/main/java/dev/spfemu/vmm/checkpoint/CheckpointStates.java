package dev.spfemu.vmm.checkpoint;

import dev.spfemu.vmm.machine.VmState;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The state each VM had when each of its checkpoints was taken (what a restore brings back), per
 * subscription as given and by CheckpointID. There is one entry per checkpoint ever taken, so it is
 * a table of the IDs' bits and a state byte (about 26 bytes an entry) rather than a map of
 * "subscription|ID" strings to states (about 200). A subscription's entries are spread by hash
 * over {@value #SEGMENTS} tables, made when first needed, each with its own lock (a put is a few
 * array writes): so no table of a million checkpoints is one huge array, which the garbage collector
 * would keep in regions of its own, partly empty.
 */
final class CheckpointStates {

  private static final VmState[] STATES = VmState.values();
  private static final int SEGMENTS = 64;

  private final Map<String, AtomicReferenceArray<Table>> bySubscription = new ConcurrentHashMap<>();

  void put(String subscription, UUID checkpointId, VmState state) {
    AtomicReferenceArray<Table> tables = bySubscription.computeIfAbsent(subscription,
        s -> new AtomicReferenceArray<>(SEGMENTS));
    int segment = segment(checkpointId);
    Table table = tables.get(segment);
    if (table == null) {
      tables.compareAndSet(segment, null, new Table());
      table = tables.get(segment);
    }
    table.put(checkpointId, state);
  }

  VmState get(String subscription, UUID checkpointId) {
    Table table = existing(subscription, checkpointId);
    return table == null ? null : table.get(checkpointId);
  }

  void remove(String subscription, UUID checkpointId) {
    Table table = existing(subscription, checkpointId);
    if (table != null) {
      table.remove(checkpointId);
    }
  }

  private Table existing(String subscription, UUID checkpointId) {
    AtomicReferenceArray<Table> tables = bySubscription.get(subscription);
    return tables == null ? null : tables.get(segment(checkpointId));
  }

  /** The segment of an ID: the top bits of its hash (a table's slots use the low ones). */
  private static int segment(UUID id) {
    return hash(id.getMostSignificantBits(), id.getLeastSignificantBits()) >>> 26;
  }

  private static int hash(long most, long least) {
    long bits = most ^ least;
    return (int) (bits ^ bits >>> 32) * 0x9E3779B9; // random GUIDs, but the seeded ones differ in few bits
  }

  void clear() {
    bySubscription.clear();
  }

  /** Forgets the states of a subscription, whatever the case it was given in. */
  void clear(String subscription) {
    String lower = subscription.toLowerCase(Locale.ROOT);
    bySubscription.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).equals(lower));
  }

  /** Open addressing with linear probing; state 0 marks a free slot, else the state's ordinal + 1. */
  private static final class Table {

    private long[] ids = new long[2 * 8];
    private byte[] states = new byte[8];
    private int size;

    synchronized void put(UUID id, VmState state) {
      int slot = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
      boolean added = states[slot] == 0;
      ids[2 * slot] = id.getMostSignificantBits();
      ids[2 * slot + 1] = id.getLeastSignificantBits();
      states[slot] = (byte) (state.ordinal() + 1);
      if (added && ++size > states.length / 8 * 7) { // fuller than usual: memory counts more than probes here
        grow();
      }
    }

    synchronized VmState get(UUID id) {
      int slot = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
      return states[slot] == 0 ? null : STATES[states[slot] - 1];
    }

    /** Removes an entry, moving later entries of its probe run back so that every look-up still finds them. */
    synchronized void remove(UUID id) {
      int slot = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
      if (states[slot] == 0) {
        return;
      }
      size--;
      int mask = states.length - 1;
      int free = slot;
      for (int next = (free + 1) & mask; states[next] != 0; next = (next + 1) & mask) {
        int home = home(ids[2 * next], ids[2 * next + 1]);
        // the entry at next may fill the gap unless its home lies cyclically in (free, next]
        if (((next - home) & mask) >= ((next - free) & mask)) {
          ids[2 * free] = ids[2 * next];
          ids[2 * free + 1] = ids[2 * next + 1];
          states[free] = states[next];
          free = next;
        }
      }
      states[free] = 0;
    }

    /** The slot holding this ID, or the free slot where it would go. */
    private int find(long most, long least) {
      int mask = states.length - 1;
      int slot = home(most, least);
      while (states[slot] != 0 && (ids[2 * slot] != most || ids[2 * slot + 1] != least)) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    private int home(long most, long least) {
      int hash = hash(most, least);
      return (hash ^ hash >>> 16) & (states.length - 1);
    }

    private void grow() {
      long[] oldIds = ids;
      byte[] oldStates = states;
      ids = new long[oldIds.length * 2];
      states = new byte[oldStates.length * 2];
      for (int i = 0; i < oldStates.length; i++) {
        if (oldStates[i] != 0) {
          int slot = find(oldIds[2 * i], oldIds[2 * i + 1]);
          ids[2 * slot] = oldIds[2 * i];
          ids[2 * slot + 1] = oldIds[2 * i + 1];
          states[slot] = oldStates[i];
        }
      }
    }
  }
}
