package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.EntityPayload;
import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints as VMM keeps them: a tree per VM. A new checkpoint gets its {@code CheckpointID} and,
 * as {@code ParentCheckpointID}, the VM's current checkpoint when its job completes; restoring one
 * ({@code VMCheckPointAction: "Restore"}) brings the VM back to the state it had then and makes it
 * current; deleting one re-parents its children. Each operation is a job on the VM.
 */
final class CheckpointBehaviour implements EntityBehaviour {

  private static final String RESTORE = "Restore";
  private static final String SET = "Set";

  private final EntitySetService checkpoints;
  private final EntitySetService vms;
  private final JobRunner jobs;
  private final EntityTypeModel type;
  /** Property positions by name, resolved once. */
  private final Map<String, Integer> positions = new HashMap<>();
  private final Map<String, Integer> vmPositions = new HashMap<>();
  private VirtualMachineBehaviour machines;
  /** The current checkpoint of each VM ("subscription|stamp|vm ID" → CheckpointID), once known. */
  private final Map<String, Object> current = new ConcurrentHashMap<>();
  /** The VM's state when each checkpoint was taken ("subscription|CheckpointID" → state). */
  private final Map<String, VmState> stateAtCheckpoint = new ConcurrentHashMap<>();

  CheckpointBehaviour(EntitySetService checkpoints, EntitySetService vms, JobRunner jobs) {
    this.checkpoints = checkpoints;
    this.vms = vms;
    this.jobs = jobs;
    this.type = checkpoints.type();
    type.properties().forEach(p -> positions.put(p.name(), p.index()));
    vms.type().properties().forEach(p -> vmPositions.put(p.name(), p.index()));
  }

  /** Forgets the trees' state (the store is being cleared). */
  void reset() {
    current.clear();
    stateAtCheckpoint.clear();
  }

  /** Forgets one subscription's trees (its entities are being cleared). */
  void reset(String subscription) {
    String prefix = subscription.toLowerCase(Locale.ROOT) + "|";
    current.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).startsWith(prefix));
    stateAtCheckpoint.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).startsWith(prefix));
  }

  /** Completes the wiring: VMs and checkpoints each need the other. */
  void machines(VirtualMachineBehaviour machines) {
    this.machines = machines;
  }

  @Override
  public EntityRecord create(String subscription, EntityPayload payload, boolean async) {
    EntityRecord created = checkpoints.create(subscription, payload);
    boolean runAsync = async || Boolean.TRUE.equals(created.value(index("RunAsynchronously")));
    EntityRecord vm = vmOf(subscription, created);
    VmState state = machines.state(vm.values());
    UUID job = jobs.run(spec(subscription, vm, "New-SCVMCheckpoint"), runAsync, () -> {
      UUID checkpointId = checkpoints.newId();
      Object parent = currentOf(subscription, vm);
      checkpoints.modify(subscription, created.key(), v -> {
        v[index("CheckpointID")] = checkpointId;
        v[index("ParentCheckpointID")] = parent;
      }).orElseThrow();
      current.put(vmKey(subscription, vm), checkpointId);
      stateAtCheckpoint.put(subscription + "|" + checkpointId, state);
    });
    vms.modify(subscription, vm.key(), v -> v[vmIndex("MostRecentTaskId")] = job);
    // Real SPF answers with the checkpoint as it was submitted: CheckpointID is set by the job.
    return created;
  }

  @Override
  public void update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    Object action = payload.value(type.property("VMCheckPointAction"));
    boolean restore = action != null && RESTORE.equalsIgnoreCase(action.toString().trim());
    if (action != null && !restore && !SET.equalsIgnoreCase(action.toString().trim())) {
      throw VmmErrors.invalidVmOperation("VMCheckPointAction '" + action + "' is not an action. Use Restore, Set,"
          + " or leave it out.");
    }
    EntityRecord checkpoint = checkpoints.read(subscription, key);
    Object checkpointId = checkpoint.value(index("CheckpointID"));
    if (restore && checkpointId == null) {
      throw VmmErrors.invalidVmOperation("The checkpoint '" + checkpoint.value(index("Name"))
          + "' is still being created (its job has not completed); restore it when it has a CheckpointID.");
    }
    checkpoints.update(subscription, key, payload);
    checkpoints.modify(subscription, key, v -> v[index("VMCheckPointAction")] = null); // an action, not state
    boolean runAsync = async || Boolean.TRUE.equals(payload.value(type.property("RunAsynchronously")));
    EntityRecord vm = vmOf(subscription, checkpoint);
    String cmdlet = restore ? "Restore-SCVMCheckpoint" : "Set-SCVMCheckpoint";
    UUID job = jobs.run(spec(subscription, vm, cmdlet), runAsync, () -> {
      if (restore) {
        VmState state = stateAtCheckpoint.getOrDefault(subscription + "|" + checkpointId,
            machines.state(vms.read(subscription, vm.key()).values()));
        machines.restoreState(subscription, vm.key(), state, checkpointId);
        current.put(vmKey(subscription, vm), checkpointId);
      }
    });
    vms.modify(subscription, vm.key(), v -> v[vmIndex("MostRecentTaskId")] = job);
  }

  @Override
  public EntityRecord delete(String subscription, EntityKey key, boolean async) {
    EntityRecord checkpoint = checkpoints.read(subscription, key);
    EntityRecord vm = vmOf(subscription, checkpoint);
    UUID job = jobs.run(spec(subscription, vm, "Remove-SCVMCheckpoint"), async,
        () -> removeFromTree(subscription, checkpoint, vm));
    vms.modify(subscription, vm.key(), v -> v[vmIndex("MostRecentTaskId")] = job);
    return checkpoint;
  }

  /** Deletes a checkpoint; its children take its parent, and so does the VM if it was current. */
  private void removeFromTree(String subscription, EntityRecord checkpoint, EntityRecord vm) {
    checkpoints.delete(subscription, checkpoint.key());
    Object id = checkpoint.value(index("CheckpointID"));
    Object parent = checkpoint.value(index("ParentCheckpointID"));
    if (id == null) {
      return;
    }
    for (EntityRecord other : checkpoints.list(subscription)) {
      if (id.equals(other.value(index("ParentCheckpointID")))) {
        checkpoints.modify(subscription, other.key(), v -> v[index("ParentCheckpointID")] = parent);
      }
    }
    current.computeIfPresent(vmKey(subscription, vm), (k, cur) -> id.equals(cur) ? Objects.requireNonNullElse(parent,
        NONE) : cur);
  }

  /** Removes every checkpoint of a deleted VM. */
  void removeAllOf(String subscription, Object vmId, Object stamp) {
    for (EntityRecord checkpoint : checkpoints.list(subscription)) {
      if (vmId.equals(checkpoint.value(index("VMId"))) && stamp.equals(checkpoint.value(index("StampId")))) {
        checkpoints.delete(subscription, checkpoint.key());
      }
    }
    current.keySet().removeIf(key -> key.equals(subscription + "|" + stamp + "|" + vmId));
  }

  /** Marks "no current checkpoint" (a map cannot hold null). */
  private static final Object NONE = new Object();

  /**
   * The VM's current checkpoint: the last created or restored here, or, for a world loaded from a
   * file, its newest checkpoint.
   */
  private Object currentOf(String subscription, EntityRecord vm) {
    Object known = current.get(vmKey(subscription, vm));
    if (known != null) {
      return known == NONE ? null : known;
    }
    Object newest = null;
    OffsetDateTime newestTime = null;
    for (EntityRecord checkpoint : checkpoints.list(subscription)) {
      Object id = checkpoint.value(index("CheckpointID"));
      OffsetDateTime added = (OffsetDateTime) checkpoint.value(index("AddedTime"));
      if (id != null && belongsTo(checkpoint, vm) && (newestTime == null || added != null && added.isAfter(newestTime))) {
        newest = id;
        newestTime = added;
      }
    }
    return newest;
  }

  private boolean belongsTo(EntityRecord checkpoint, EntityRecord vm) {
    Object vmId = checkpoint.value(index("VMId"));
    return Objects.equals(checkpoint.value(index("StampId")), vm.value(vmIndex("StampId")))
        && (Objects.equals(vmId, vm.value(vmIndex("ID"))) || Objects.equals(vmId, vm.value(vmIndex("VMId"))));
  }

  /** The VM a checkpoint belongs to (its VMId is the VM's ID, or its hypervisor VMId). */
  private EntityRecord vmOf(String subscription, EntityRecord checkpoint) {
    for (EntityRecord vm : vms.list(subscription)) {
      if (belongsTo(checkpoint, vm)) {
        return vm;
      }
    }
    throw VmmErrors.referenceNotFound("VMId", checkpoint.value(index("VMId")), "VirtualMachines",
        checkpoint.value(index("StampId")));
  }

  private String vmKey(String subscription, EntityRecord vm) {
    return subscription + "|" + vm.value(vmIndex("StampId")) + "|" + vm.value(vmIndex("ID"));
  }

  private JobRunner.Spec spec(String subscription, EntityRecord vm, String cmdlet) {
    Object name = vm.value(vmIndex("Name"));
    return new JobRunner.Spec(subscription, vm.value(vmIndex("StampId")), cmdlet + " " + name, cmdlet,
        String.valueOf(name), vm.value(vmIndex("ID")), "VM");
  }

  private int index(String property) {
    return positions.get(property);
  }

  private int vmIndex(String property) {
    return vmPositions.get(property);
  }
}
