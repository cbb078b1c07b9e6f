package dev.spfemu.vmm.checkpoint;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.Outcome;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobScheduler;
import dev.spfemu.vmm.machine.Machines;
import dev.spfemu.vmm.machine.VmState;
import java.util.List;
import java.util.UUID;

/**
 * Checkpoints as VMM keeps them: a tree per VM ({@link CheckpointTree}). A new checkpoint gets its
 * {@code CheckpointID} and, as {@code ParentCheckpointID}, the VM's current checkpoint when its job
 * completes; restoring one ({@code VMCheckPointAction: "Restore"}) brings the VM back to the state
 * it had then and makes it current; deleting one re-parents its children. Each operation is a job
 * on the VM.
 */
public final class CheckpointBehaviour implements EntityBehaviour {

  private static final String RESTORE = "Restore";
  private static final String SET = "Set";

  private final StoredSet checkpoints;
  private final CheckpointFields fields;
  private final Machines machines;
  private final JobScheduler jobs;
  private final CheckpointTree tree;

  public CheckpointBehaviour(StoredSet checkpoints, Machines machines, JobScheduler jobs) {
    this.checkpoints = checkpoints;
    this.fields = new CheckpointFields(checkpoints.type());
    this.machines = machines;
    this.jobs = jobs;
    this.tree = new CheckpointTree(checkpoints, fields, machines);
  }

  @Override
  public Outcome create(String subscription, EntityPayload payload, boolean async) {
    EntityRecord created = checkpoints.create(subscription, payload);
    boolean runAsync = async || Boolean.TRUE.equals(fields.runAsynchronously.get(created::value));
    EntityRecord vm = vmOf(subscription, created);
    VmState state = machines.state(vm::value);
    UUID job = jobs.run(machines.job(subscription, vm::value, "New-SCVMCheckpoint"), runAsync, () -> {
      UUID checkpointId = checkpoints.newId();
      UUID parent = tree.currentOf(subscription, vm::value);
      checkpoints.modify(subscription, created.key(), v -> {
        fields.checkpointId.set(v, checkpointId);
        fields.parent.set(v, parent);
      }).orElseThrow();
      tree.taken(subscription, vm::value, checkpointId, state);
    });
    machines.pointAtJob(subscription, vm.key(), job);
    // Real SPF answers with the checkpoint as it was submitted: CheckpointID is set by the job.
    return new Outcome(created, job);
  }

  @Override
  public Outcome update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    String action = (String) payload.value(fields.action.property());
    boolean restore = action != null && RESTORE.equalsIgnoreCase(action.trim());
    if (action != null && !restore && !SET.equalsIgnoreCase(action.trim())) {
      throw VmmErrors.invalidVmOperation("VMCheckPointAction '" + action + "' is not an action. Use Restore, Set,"
          + " or leave it out.");
    }
    EntityRecord checkpoint = checkpoints.read(subscription, key);
    UUID checkpointId = fields.checkpointId.get(checkpoint::value);
    if (restore && checkpointId == null) {
      throw VmmErrors.invalidVmOperation("The checkpoint '" + fields.name.get(checkpoint::value)
          + "' is still being created (its job has not completed); restore it when it has a CheckpointID.");
    }
    checkpoints.update(subscription, key, payload);
    checkpoints.modify(subscription, key, v -> fields.action.set(v, null)); // an action, not state
    boolean runAsync = async || Boolean.TRUE.equals(payload.value(fields.runAsynchronously.property()));
    EntityRecord vm = vmOf(subscription, checkpoint);
    String cmdlet = restore ? "Restore-SCVMCheckpoint" : "Set-SCVMCheckpoint";
    UUID job = jobs.run(machines.job(subscription, vm::value, cmdlet), runAsync, () -> {
      if (restore) {
        VmState state = tree.stateAt(subscription, checkpointId,
            machines.state(machines.read(subscription, vm.key())::value));
        machines.restoreState(subscription, vm.key(), state, checkpointId);
        tree.restored(subscription, vm::value, checkpointId);
      }
    });
    machines.pointAtJob(subscription, vm.key(), job);
    return new Outcome(checkpoints.find(subscription, key).orElse(checkpoint), job);
  }

  @Override
  public Outcome delete(String subscription, EntityKey key, boolean async) {
    EntityRecord checkpoint = checkpoints.read(subscription, key);
    EntityRecord vm = vmOf(subscription, checkpoint);
    UUID job = jobs.run(machines.job(subscription, vm::value, "Remove-SCVMCheckpoint"), async,
        () -> tree.remove(subscription, checkpoint, vm::value));
    machines.pointAtJob(subscription, vm.key(), job);
    return new Outcome(checkpoint, job);
  }

  /** Removes every checkpoint of a deleted VM (wired as the VMs' removal listener). */
  public void removeAllOf(String subscription, UUID vmId, UUID stamp) {
    tree.removeAllOf(subscription, vmId, stamp);
  }

  /**
   * A VM's current checkpoint (its {@code CheckpointID}), or null if it has none: the one last created
   * or restored, else the newest of {@code candidates}, which hold at least the VM's checkpoints.
   */
  public UUID currentOf(String subscription, EntityValues vm, List<EntityRecord> candidates) {
    return tree.currentAmong(subscription, vm, () -> candidates);
  }

  /** Forgets the trees' state (the store is being cleared). */
  public void reset() {
    tree.reset();
  }

  /** Forgets one subscription's trees. */
  public void reset(String subscription) {
    tree.reset(subscription);
  }

  /** The VM a checkpoint belongs to (its VMId is the VM's ID, or its hypervisor VMId). */
  private EntityRecord vmOf(String subscription, EntityRecord checkpoint) {
    return machines.named(subscription, fields.vmId.get(checkpoint::value), fields.stamp.get(checkpoint::value));
  }
}
