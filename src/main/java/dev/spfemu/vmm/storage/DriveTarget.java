package dev.spfemu.vmm.storage;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobScheduler;
import dev.spfemu.vmm.machine.Machines;
import dev.spfemu.vmm.machine.Usage;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The VM a disk drive is added to or removed from, as the drive's behaviour sees it: found by the
 * drive's {@code VMId}, its {@code TotalSize} grown or shrunk with its quota usage, and the jobs that
 * add and remove drives run on it ({@code MostRecentTaskId} points at them, as the Terraform provider
 * polls: CLIENTS.md D.2).
 */
final class DriveTarget {

  private final StoredSet vms;
  private final Machines machines;
  private final JobScheduler jobs;
  private final Usage usage;
  private final StorageFields fields;

  DriveTarget(StoredSet vms, Machines machines, JobScheduler jobs, Usage usage, StorageFields fields) {
    this.vms = vms;
    this.machines = machines;
    this.jobs = jobs;
    this.usage = usage;
    this.fields = fields;
  }

  /** The VM {@code vmId} on {@code stamp}; 404 {@code ReferencedEntityNotFound}, as for any reference, if none. */
  EntityRecord vm(String subscription, UUID vmId, UUID stamp) {
    return vms.find(subscription, EntityKey.of(vmId, stamp))
        .orElseThrow(() -> VmmErrors.referenceNotFound("VMId", vmId, vms.type().entitySet(), stamp));
  }

  /** The VM if it is still there, else null. */
  EntityRecord find(String subscription, UUID vmId, UUID stamp) {
    return vmId == null || stamp == null ? null : vms.find(subscription, EntityKey.of(vmId, stamp)).orElse(null);
  }

  /**
   * Changes the VM's {@code TotalSize} by {@code bytes} (never below 0), and its quota usage with it:
   * a growth beyond the role's quota or the cloud's capacity is refused (400) and changes nothing.
   */
  void grow(String subscription, EntityKey vm, long bytes) {
    if (bytes == 0) {
      return;
    }
    vms.modify(subscription, vm, values -> {
      Object[] before = values.clone();
      Long total = fields.vmTotalSize.get(values);
      fields.vmTotalSize.set(values, Math.max(0, (total == null ? 0 : total) + bytes));
      usage.change(subscription, i -> before[i], i -> values[i]);
    });
  }

  /** Runs {@code cmdlet} as a job on the VM, which then points at it; {@code failed} is told if it fails. */
  UUID run(String subscription, EntityRecord vm, String cmdlet, boolean async, Runnable operation,
      Consumer<UUID> failed) {
    UUID job = jobs.run(machines.job(subscription, vm::value, cmdlet), async, operation, failed);
    machines.pointAtJob(subscription, vm.key(), job);
    return job;
  }
}
