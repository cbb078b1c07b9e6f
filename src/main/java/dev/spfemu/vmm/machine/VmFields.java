package dev.spfemu.vmm.machine;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The properties of a {@code VirtualMachine} the domain reads and sets, resolved once. */
final class VmFields {

  final Field<UUID> id;
  final Field<UUID> stamp;
  /** The hypervisor's ID of the VM, which checkpoints may name instead of {@code ID}. */
  final Field<UUID> vmId;
  final Field<String> name;
  final Field<String> status;
  final Field<String> virtualMachineState;
  final Field<String> statusString;
  final Field<String> operation;
  final Field<Boolean> startVm;
  final Field<OffsetDateTime> addedTime;
  final Field<OffsetDateTime> modifiedTime;
  final Field<OffsetDateTime> creationTime;
  final Field<UUID> mostRecentTask;
  final Field<UUID> failedJob;
  final Field<UUID> lastRestoredCheckpoint;

  VmFields(EntityTypeModel type) {
    this.id = Field.guid(type, "ID");
    this.stamp = Field.guid(type, "StampId");
    this.vmId = Field.guid(type, "VMId");
    this.name = Field.string(type, "Name");
    this.status = Field.string(type, "Status");
    this.virtualMachineState = Field.string(type, "VirtualMachineState");
    this.statusString = Field.string(type, "StatusString");
    this.operation = Field.string(type, "Operation");
    this.startVm = Field.bool(type, "StartVM");
    this.addedTime = Field.dateTime(type, "AddedTime");
    this.modifiedTime = Field.dateTime(type, "ModifiedTime");
    this.creationTime = Field.dateTime(type, "CreationTime");
    this.mostRecentTask = Field.guid(type, "MostRecentTaskId");
    this.failedJob = Field.guid(type, "FailedJobID");
    this.lastRestoredCheckpoint = Field.guid(type, "LastRestoredCheckpointId");
  }
}
