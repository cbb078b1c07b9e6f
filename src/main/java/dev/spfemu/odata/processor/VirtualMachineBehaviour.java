package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.EntityPayload;
import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Virtual machines as VMM runs them: every create, change, power operation and delete is a job
 * ({@code MostRecentTaskId} points at it); the {@code Operation} property moves the VM through its
 * states ({@link VmOperation}); a running VM cannot be deleted, and deleting a VM removes its
 * checkpoints.
 */
final class VirtualMachineBehaviour implements EntityBehaviour {

  private final EntitySetService vms;
  private final CheckpointBehaviour checkpoints;
  private final JobRunner jobs;
  private final EntityTypeModel type;
  /** Property positions by name, resolved once. */
  private final Map<String, Integer> positions = new HashMap<>();

  VirtualMachineBehaviour(EntitySetService vms, CheckpointBehaviour checkpoints, JobRunner jobs) {
    this.vms = vms;
    this.checkpoints = checkpoints;
    this.jobs = jobs;
    this.type = vms.type();
    type.properties().forEach(p -> positions.put(p.name(), p.index()));
  }

  @Override
  public EntityRecord create(String subscription, EntityPayload payload, boolean async) {
    EntityRecord created = vms.create(subscription, payload);
    boolean start = Boolean.TRUE.equals(created.value(index("StartVM")));
    VmState finalState = start ? VmState.RUNNING : VmState.POWER_OFF;
    vms.modify(subscription, created.key(), v -> {
      setState(v, VmState.UNDER_CREATION);
      v[index("Operation")] = null;
      if (v[index("AddedTime")] == null) {
        v[index("AddedTime")] = vms.currentTime();
      }
      v[index("ModifiedTime")] = v[index("AddedTime")];
    });
    UUID job = jobs.run(spec(subscription, created, "New-SCVirtualMachine"), async,
        () -> vms.modify(subscription, created.key(), v -> setState(v, finalState)).orElseThrow());
    return pointAtJob(subscription, created.key(), job);
  }

  @Override
  public void update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    EntityRecord current = vms.read(subscription, key);
    Object requested = payload.value(type.property("Operation"));
    VmOperation operation = requested == null ? null : operation(requested.toString(), current);
    vms.update(subscription, key, payload);
    vms.modify(subscription, key, v -> v[index("Operation")] = null); // an input, never stored
    String cmdlet = operation == null ? "Set-SCVirtualMachine" : operation.cmdlet();
    UUID job = jobs.run(spec(subscription, current, cmdlet), async, () -> {
      if (operation != null) {
        vms.modify(subscription, key, v -> setState(v, operation.result(state(v)))).orElseThrow();
      }
    });
    pointAtJob(subscription, key, job);
  }

  /** The operation asked for, if the VM's state allows it; 400 otherwise. */
  private VmOperation operation(String requested, EntityRecord vm) {
    VmOperation operation = VmOperation.of(requested);
    if (operation == null) {
      throw VmmErrors.invalidVmOperation("'" + requested + "' is not a virtual machine operation. Use one of: "
          + VmOperation.names() + ".");
    }
    VmState state = VmState.of(vm.value(index("Status")));
    if (!operation.allowedFrom(state)) {
      throw VmmErrors.invalidVmOperation("Cannot " + operation.value() + " the virtual machine '"
          + vm.value(index("Name")) + "': it is " + state.status() + ", and " + operation.value()
          + " needs it to be " + operation.from() + ".");
    }
    return operation;
  }

  @Override
  public EntityRecord delete(String subscription, EntityKey key, boolean async) {
    EntityRecord vm = vms.read(subscription, key);
    VmState state = VmState.of(vm.value(index("Status")));
    if (state == VmState.RUNNING || state == VmState.PAUSED) {
      throw VmmErrors.invalidVmOperation("Cannot delete the virtual machine '" + vm.value(index("Name"))
          + "' while it is " + state.status() + ". Stop it first (Operation: Stop or Shutdown).");
    }
    jobs.run(spec(subscription, vm, "Remove-SCVirtualMachine"), async, () -> {
      vms.delete(subscription, key);
      checkpoints.removeAllOf(subscription, vm.value(index("ID")), vm.value(index("StampId")));
    });
    return vm;
  }

  /** Records the job on the VM, as clients find it: through {@code MostRecentTaskId}. */
  private EntityRecord pointAtJob(String subscription, EntityKey key, UUID job) {
    return vms.modify(subscription, key, v -> v[index("MostRecentTaskId")] = job)
        .orElseGet(() -> vms.read(subscription, key));
  }

  /** Sets the state a checkpoint restore brings back. */
  void restoreState(String subscription, EntityKey vm, VmState state, Object checkpointId) {
    vms.modify(subscription, vm, v -> {
      setState(v, state);
      v[index("LastRestoredCheckpointId")] = checkpointId;
    });
  }

  /** The VM's current state. */
  VmState state(Object[] values) {
    return VmState.of(values[index("Status")]);
  }

  private void setState(Object[] values, VmState state) {
    values[index("Status")] = state.status();
    values[index("VirtualMachineState")] = state.status();
    values[index("StatusString")] = state.text();
    values[index("ModifiedTime")] = vms.currentTime();
  }

  private JobRunner.Spec spec(String subscription, EntityRecord vm, String cmdlet) {
    Object name = vm.value(index("Name"));
    return new JobRunner.Spec(subscription, vm.value(index("StampId")), cmdlet + " " + name, cmdlet,
        String.valueOf(name), vm.value(index("ID")), "VM");
  }

  private int index(String property) {
    return positions.get(property);
  }
}
