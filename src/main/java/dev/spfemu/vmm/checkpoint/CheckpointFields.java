package dev.spfemu.vmm.checkpoint;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The properties of a {@code VMCheckPoint} the domain reads and sets, resolved once. */
final class CheckpointFields {

  final Field<UUID> checkpointId;
  final Field<UUID> parent;
  final Field<UUID> vmId;
  final Field<UUID> stamp;
  final Field<String> name;
  final Field<String> accessibility;
  final Field<String> description;
  final Field<Boolean> enabled;
  final Field<OffsetDateTime> addedTime;
  final Field<OffsetDateTime> modifiedTime;
  final Field<String> action;
  final Field<Boolean> runAsynchronously;

  CheckpointFields(EntityTypeModel type) {
    this.checkpointId = Field.guid(type, "CheckpointID");
    this.parent = Field.guid(type, "ParentCheckpointID");
    this.vmId = Field.guid(type, "VMId");
    this.stamp = Field.guid(type, "StampId");
    this.name = Field.string(type, "Name");
    this.accessibility = Field.string(type, "Accessibility");
    this.description = Field.string(type, "Description");
    this.enabled = Field.bool(type, "Enabled");
    this.addedTime = Field.dateTime(type, "AddedTime");
    this.modifiedTime = Field.dateTime(type, "ModifiedTime");
    this.action = Field.string(type, "VMCheckPointAction");
    this.runAsynchronously = Field.bool(type, "RunAsynchronously");
  }
}
