package dev.spfemu.vmm.machine;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.Outcome;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobScheduler;
import java.util.UUID;

/**
 * Virtual machines as VMM runs them: every create, change, power operation and delete is a job
 * ({@code MostRecentTaskId} points at it); the {@code Operation} property moves the VM through its
 * states ({@link VmOperation}); a running VM cannot be deleted, and what hangs off a deleted VM
 * (its checkpoints, its network adapters, its disks) goes with it. A new VM takes the hardware it was
 * not sent from its template or hardware profile ({@link HardwareDefaults}); what it gets besides
 * itself (its adapters, disks and drives) comes from a {@link Provisioning} the wiring supplies, so
 * this package knows neither networks nor storage.
 * A failed creation or change job leaves it "Creation Failed" / "Update Failed".
 */
public final class VirtualMachineBehaviour implements EntityBehaviour {

  /** What else goes when a VM is deleted (its checkpoints), told by VM ID and stamp. */
  @FunctionalInterface
  public interface RemovalListener {
    void removed(String subscription, UUID vmId, UUID stamp);
  }

  private final Machines machines;
  private final StoredSet vms;
  private final VmFields fields;
  private final JobScheduler jobs;
  private final RemovalListener onRemoved;
  private final Provisioning provisioning;
  private final HardwareDefaults hardware;
  private final Usage usage;

  public VirtualMachineBehaviour(Machines machines, JobScheduler jobs, RemovalListener onRemoved,
      Provisioning provisioning, HardwareDefaults hardware, Usage usage) {
    this.usage = usage;
    this.provisioning = provisioning;
    this.hardware = hardware;
    this.machines = machines;
    this.vms = machines.set();
    this.fields = machines.fields();
    this.jobs = jobs;
    this.onRemoved = onRemoved;
  }

  @Override
  public Outcome create(String subscription, EntityPayload payload, boolean async) {
    Provisioning.Prepared provision = provisioning.prepare(subscription, payload);
    EntityRecord created = vms.create(subscription, payload);
    VmState finalState = Boolean.TRUE.equals(fields.startVm.get(created::value)) ? VmState.RUNNING
        : VmState.POWER_OFF;
    vms.modify(subscription, created.key(), v -> {
      hardware.fill(subscription, v);
      provision.fill(v);
      machines.setState(v, VmState.UNDER_CREATION);
      fields.operation.set(v, null);
      if (fields.addedTime.get(v) == null) {
        fields.addedTime.set(v, vms.currentTime());
      }
      fields.modifiedTime.set(v, fields.addedTime.get(v));
      fields.creationTime.set(v, fields.addedTime.get(v)); // VMM always fills it; clients read it (CLIENTS.md D.1)
    });
    admit(subscription, created.key()); // after everything that sets its hardware
    UUID job = jobs.run(machines.job(subscription, created::value, "New-SCVirtualMachine"), async, () -> {
      provision.complete(vms.read(subscription, created.key())::value);
      vms.modify(subscription, created.key(), v -> machines.setState(v, finalState)).orElseThrow();
    }, failedJob -> fail(subscription, created.key(), VmState.CREATION_FAILED, failedJob));
    return new Outcome(pointAtJob(subscription, created.key(), job), job);
  }

  @Override
  public Outcome update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    EntityRecord current = vms.read(subscription, key);
    String requested = (String) payload.value(fields.operation.property());
    VmOperation operation = requested == null ? null : operation(requested, current);
    vms.update(subscription, key, payload, (before, after) -> usage.change(subscription, before, after));
    vms.modify(subscription, key, v -> fields.operation.set(v, null)); // an input, never stored
    String cmdlet = operation == null ? "Set-SCVirtualMachine" : operation.cmdlet();
    UUID job = jobs.run(machines.job(subscription, current::value, cmdlet), async, () -> {
      if (operation != null) {
        vms.modify(subscription, key, v -> machines.setState(v, after(operation, v))).orElseThrow();
      }
    }, failedJob -> {
      if (operation == null) {
        // a failed change: "Update Failed" until a Repair [I]; a failed power operation leaves the
        // state as it was, so a client may simply try again (ClockAndJobFaultsTest, WapPackCmdletsTest)
        fail(subscription, key, VmState.UPDATE_FAILED, failedJob);
      }
    });
    return new Outcome(pointAtJob(subscription, key, job), job);
  }

  /** The operation asked for, if the VM's state allows it; 400 otherwise. */
  private VmOperation operation(String requested, EntityRecord vm) {
    VmOperation operation = VmOperation.of(requested);
    if (operation == null) {
      throw VmmErrors.invalidVmOperation("'" + requested + "' is not a virtual machine operation. Use one of: "
          + VmOperation.names() + ".");
    }
    VmState state = machines.state(vm::value);
    if (!operation.allowedFrom(state)) {
      throw VmmErrors.invalidVmOperation("Cannot " + operation.value() + " the virtual machine '"
          + fields.name.get(vm::value) + "': it is " + state.status() + ", and " + operation.value()
          + " needs it to be " + operation.from() + ".");
    }
    return operation;
  }

  @Override
  public Outcome delete(String subscription, EntityKey key, boolean async) {
    EntityRecord vm = vms.read(subscription, key);
    VmState state = machines.state(vm::value);
    if (state == VmState.RUNNING || state == VmState.PAUSED) {
      throw VmmErrors.invalidVmOperation("Cannot delete the virtual machine '" + fields.name.get(vm::value)
          + "' while it is " + state.status() + ". Stop it first (Operation: Stop or Shutdown).");
    }
    UUID job = jobs.run(machines.job(subscription, vm::value, "Remove-SCVirtualMachine"), async, () -> {
      usage.release(subscription, vms.delete(subscription, key)::value);
      onRemoved.removed(subscription, fields.id.get(vm::value), fields.stamp.get(vm::value));
    });
    return new Outcome(vm, job);
  }

  /** Counts the new VM against quotas and capacity; a refusal (4xx) removes it again, so nothing stays stored. */
  private void admit(String subscription, EntityKey key) {
    try {
      usage.admit(subscription, vms.read(subscription, key)::value);
    } catch (RuntimeException refused) {
      vms.delete(subscription, key);
      throw refused;
    }
  }

  private EntityRecord pointAtJob(String subscription, EntityKey key, UUID job) {
    EntityRecord pointed = machines.pointAtJob(subscription, key, job);
    return pointed != null ? pointed : vms.read(subscription, key);
  }

  /** The state an operation leaves; a Repair brings an "Update Failed" VM back to its power state. */
  private VmState after(VmOperation operation, Object[] v) {
    VmState state = state(v);
    if (operation == VmOperation.REPAIR && state == VmState.UPDATE_FAILED) {
      return VmState.of(fields.virtualMachineState.get(v));
    }
    return operation.result(state);
  }

  /**
   * A failed job leaves the VM as VMM shows it: "Creation Failed" or "Update Failed", and its
   * {@code FailedJobID} (navigation {@code FailedJob}) names the job (if the VM is still there).
   */
  private void fail(String subscription, EntityKey key, VmState failed, UUID failedJob) {
    vms.modify(subscription, key, v -> {
      machines.setState(v, failed);
      fields.failedJob.set(v, failedJob);
    });
  }

  private VmState state(Object[] values) {
    return VmState.of(fields.status.get(values));
  }
}
