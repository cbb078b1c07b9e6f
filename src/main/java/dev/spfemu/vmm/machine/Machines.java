package dev.spfemu.vmm.machine;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobSpec;
import java.util.Objects;
import java.util.UUID;

/**
 * The stored virtual machines as the rest of the domain sees them: their power state, the job they
 * ran last, and which VM a checkpoint belongs to. VM operations and checkpoints both work through
 * this, so neither needs the other.
 */
public final class Machines {

  private final StoredSet vms;
  private final VmFields fields;

  public Machines(StoredSet vms) {
    this.vms = vms;
    this.fields = new VmFields(vms.type());
  }

  StoredSet set() {
    return vms;
  }

  VmFields fields() {
    return fields;
  }

  /** The VM with {@code key}; 404 if there is none. */
  public EntityRecord read(String subscription, EntityKey key) {
    return vms.read(subscription, key);
  }

  /**
   * The VM a checkpoint names by {@code vmId} on {@code stamp}: the VM with that ID (looked up by
   * key) or, failing that, the one whose hypervisor {@code VMId} it is.
   *
   * @throws dev.spfemu.error.ServiceException 404 {@code ReferencedEntityNotFound} when there is none
   */
  public EntityRecord named(String subscription, UUID vmId, UUID stamp) {
    if (vmId != null && stamp != null) {
      EntityRecord byKey = vms.find(subscription, EntityKey.of(vmId, stamp)).orElse(null);
      if (byKey != null) {
        return byKey;
      }
    }
    for (EntityRecord vm : vms.list(subscription)) {
      if (isNamedBy(vm::value, vmId, stamp)) {
        return vm;
      }
    }
    throw VmmErrors.referenceNotFound("VMId", vmId, vms.type().entitySet(), stamp);
  }

  /** Whether {@code vm} is on {@code stamp} and has {@code vmId} as its ID or its hypervisor VMId. */
  public boolean isNamedBy(EntityValues vm, UUID vmId, UUID stamp) {
    return Objects.equals(stamp, fields.stamp.get(vm))
        && (Objects.equals(vmId, fields.id.get(vm)) || Objects.equals(vmId, fields.vmId.get(vm)));
  }

  public UUID id(EntityValues vm) {
    return fields.id.get(vm);
  }

  public UUID stamp(EntityValues vm) {
    return fields.stamp.get(vm);
  }

  /** The VM's power state. */
  public VmState state(EntityValues vm) {
    return VmState.of(fields.status.get(vm));
  }

  /** Sets the state a checkpoint restore brings back, and which checkpoint it came from. */
  public void restoreState(String subscription, EntityKey vm, VmState state, UUID checkpointId) {
    vms.modify(subscription, vm, v -> {
      setState(v, state);
      fields.lastRestoredCheckpoint.set(v, checkpointId);
    });
  }

  /** Records the job on the VM, as clients find it: through {@code MostRecentTaskId}. Empty if the VM is gone. */
  public EntityRecord pointAtJob(String subscription, EntityKey vm, UUID job) {
    // one GUID patched in the stored bytes: the VM's other 133 values are not made and encoded again
    int task = fields.mostRecentTask.index();
    return vms.change(subscription, vm, current -> current.with(task, job)).orElse(null);
  }

  /** A job of {@code cmdlet} on this VM, named as VMM names it ("Start-SCVirtualMachine web-01"). */
  public JobSpec job(String subscription, EntityValues vm, String cmdlet) {
    String name = fields.name.get(vm);
    return new JobSpec(subscription, fields.stamp.get(vm), cmdlet + " " + name, cmdlet, String.valueOf(name),
        fields.id.get(vm), "VM");
  }

  /**
   * Sets the VM's state fields; {@code ModifiedTime} moves to now. {@code VirtualMachineState} stays
   * the power state when a job failed ({@code Status} says the failure).
   */
  void setState(Object[] values, VmState state) {
    fields.status.set(values, state.status());
    if (!state.failed()) {
      fields.virtualMachineState.set(values, state.status());
    } else if (state == VmState.CREATION_FAILED) {
      // a VM whose creation failed never ran [I]; an update failure leaves the power state as it was
      fields.virtualMachineState.set(values, VmState.POWER_OFF.status());
    }
    fields.statusString.set(values, state.text());
    fields.modifiedTime.set(values, vms.currentTime());
  }
}
