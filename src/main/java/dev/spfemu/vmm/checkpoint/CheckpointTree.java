package dev.spfemu.vmm.checkpoint;

import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.machine.Machines;
import dev.spfemu.vmm.machine.VmState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The checkpoints of each VM as a tree, as VMM keeps them: which checkpoint is current, the state
 * the VM had when each was taken (what a restore brings back), and re-parenting when one goes.
 */
final class CheckpointTree {

  /** Marks "no current checkpoint" (a map cannot hold null). */
  private static final Object NONE = new Object();

  private final StoredSet checkpoints;
  private final CheckpointFields fields;
  private final Machines machines;
  /** The current checkpoint of each VM (subscription, stamp, VM ID → CheckpointID or NONE), once known. */
  private final Map<VmKey, Object> current = new ConcurrentHashMap<>();
  /** The VM's state when each checkpoint was taken. */
  private final CheckpointStates stateAtCheckpoint = new CheckpointStates();

  CheckpointTree(StoredSet checkpoints, CheckpointFields fields, Machines machines) {
    this.checkpoints = checkpoints;
    this.fields = fields;
    this.machines = machines;
  }

  /**
   * The VM's current checkpoint: the last created or restored here, or, for a world loaded from a
   * file, its newest checkpoint; null if it has none.
   */
  UUID currentOf(String subscription, EntityValues vm) {
    // the list only when the tree does not know: listing a subscription's checkpoints is O(n)
    return currentAmong(subscription, vm, () -> checkpoints.list(subscription));
  }

  /**
   * The same, the newest found among {@code candidates} (which hold at least the VM's checkpoints)
   * when the tree was not told of one.
   */
  UUID currentAmong(String subscription, EntityValues vm, Supplier<List<EntityRecord>> candidates) {
    Object known = current.get(vmKey(subscription, vm));
    if (known != null) {
      return known == NONE ? null : (UUID) known;
    }
    UUID newest = null;
    OffsetDateTime newestTime = null;
    for (EntityRecord checkpoint : candidates.get()) {
      UUID id = fields.checkpointId.get(checkpoint::value);
      OffsetDateTime added = fields.addedTime.get(checkpoint::value);
      if (id != null && belongsTo(checkpoint, vm) && (newestTime == null || added != null && added.isAfter(newestTime))) {
        newest = id;
        newestTime = added;
      }
    }
    return newest;
  }

  /** A checkpoint was taken of {@code vm} in {@code state}: it is the VM's current one. */
  void taken(String subscription, EntityValues vm, UUID checkpointId, VmState state) {
    setCurrent(vmKey(subscription, vm), checkpointId);
    stateAtCheckpoint.put(subscription, checkpointId, state);
    checkpoints.onRollback(() -> stateAtCheckpoint.remove(subscription, checkpointId));
  }

  /** The VM's state when the checkpoint was taken, or {@code otherwise} if that is not known (a loaded world). */
  VmState stateAt(String subscription, UUID checkpointId, VmState otherwise) {
    VmState state = stateAtCheckpoint.get(subscription, checkpointId);
    return state == null ? otherwise : state;
  }

  /** The VM was restored to {@code checkpointId}: it is the VM's current one. */
  void restored(String subscription, EntityValues vm, UUID checkpointId) {
    setCurrent(vmKey(subscription, vm), checkpointId);
  }

  /** Deletes a checkpoint; its children take its parent, and so does the VM if it was current. */
  void remove(String subscription, EntityRecord checkpoint, EntityValues vm) {
    checkpoints.delete(subscription, checkpoint.key());
    UUID id = fields.checkpointId.get(checkpoint::value);
    UUID parent = fields.parent.get(checkpoint::value);
    if (id == null) {
      return;
    }
    for (EntityRecord other : checkpoints.list(subscription)) {
      if (id.equals(fields.parent.get(other::value))) {
        checkpoints.modify(subscription, other.key(), v -> fields.parent.set(v, parent));
      }
    }
    VmKey vmKey = vmKey(subscription, vm);
    if (id.equals(current.get(vmKey))) {
      setCurrent(vmKey, Objects.requireNonNullElse(parent, NONE));
    }
  }

  /** Removes every checkpoint of a deleted VM. */
  void removeAllOf(String subscription, UUID vmId, UUID stamp) {
    for (EntityRecord checkpoint : checkpoints.list(subscription)) {
      if (vmId.equals(fields.vmId.get(checkpoint::value)) && stamp.equals(fields.stamp.get(checkpoint::value))) {
        checkpoints.delete(subscription, checkpoint.key());
      }
    }
    setCurrent(new VmKey(subscription, stamp, vmId), null);
  }

  /**
   * Makes {@code checkpoint} (or NONE) the VM's current checkpoint, or forgets it when null; a
   * failed change set puts back what was there.
   */
  private void setCurrent(VmKey vmKey, Object checkpoint) {
    Object before = checkpoint == null ? current.remove(vmKey) : current.put(vmKey, checkpoint);
    checkpoints.onRollback(() -> {
      if (before == null) {
        current.remove(vmKey);
      } else {
        current.put(vmKey, before);
      }
    });
  }

  /** Forgets the trees' state (the store is being cleared). */
  void reset() {
    current.clear();
    stateAtCheckpoint.clear();
  }

  /** Forgets one subscription's trees (its entities are being cleared). */
  void reset(String subscription) {
    current.keySet().removeIf(key -> key.subscription().equalsIgnoreCase(subscription));
    stateAtCheckpoint.clear(subscription);
  }

  private boolean belongsTo(EntityRecord checkpoint, EntityValues vm) {
    return machines.isNamedBy(vm, fields.vmId.get(checkpoint::value), fields.stamp.get(checkpoint::value));
  }

  private VmKey vmKey(String subscription, EntityValues vm) {
    return new VmKey(subscription, machines.stamp(vm), machines.id(vm));
  }

  /** A VM of a subscription, by its key values (an object, not a joined string: one is made per create). */
  private record VmKey(String subscription, UUID stamp, UUID id) {
  }
}
