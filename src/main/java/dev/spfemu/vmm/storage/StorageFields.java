package dev.spfemu.vmm.storage;

import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.model.PropertyModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The properties disk provisioning reads and sets, resolved once when the emulator is built: the
 * VM's and the template's references to disks, and the properties of virtual hard disks, disk
 * drives, DVD drives and SCSI adapters.
 */
final class StorageFields {

  /** What a VM's new disk copies from the disk it is made from (same type on both sides). */
  private static final List<String> COPIED = List.of("FamilyName", "MaximumSize", "Size", "Namespace",
      "OperatingSystem", "OperatingSystemId", "OperatingSystemInstance", "Release", "ReleaseTime", "SANCopyCapable",
      "Type", "VHDType", "VirtualizationPlatform");

  final Field<UUID> vmOwnId;
  final Field<UUID> vmStamp;
  final Field<String> vmName;
  final Field<UUID> vmCloud;
  final Field<ComplexValue> vmOwner;
  final Field<UUID> vmTemplate;
  final Field<UUID> vmDisk;
  final Field<Integer> vmGeneration;
  final Field<Long> vmTotalSize;
  final Field<String> vmPath;

  final Field<UUID> templateDisk;
  final Field<Long> templateCapacity;

  final Field<UUID> diskId;
  final Field<UUID> diskStamp;
  final Field<String> diskName;
  final Field<String> diskDescription;
  final Field<String> diskAccessibility;
  final Field<UUID> diskCloud;
  final Field<ComplexValue> diskOwner;
  final Field<Boolean> diskEnabled;
  final Field<Boolean> diskOrphaned;
  final Field<Boolean> diskResourceGroup;
  final Field<String> diskState;
  final Field<String> diskVhdType;
  final Field<String> diskPlatform;
  final Field<UUID> diskVm;
  final Field<UUID> diskTemplate;
  final Field<UUID> diskParent;
  final Field<Long> diskMaximumSize;
  final Field<Long> diskSize;
  final Field<OffsetDateTime> diskAdded;
  final Field<OffsetDateTime> diskModified;
  final int[] copied;

  final Field<UUID> driveId;
  final Field<UUID> driveStamp;
  final Field<String> driveName;
  final Field<String> driveDescription;
  final Field<String> driveAccessibility;
  final Field<OffsetDateTime> driveAdded;
  final Field<OffsetDateTime> driveModified;
  final Field<Integer> driveBus;
  final Field<Integer> driveLun;
  final Field<String> driveBusType;
  final Field<Boolean> driveIde;
  final Field<Boolean> driveScsi;
  final Field<Boolean> driveEnabled;
  final Field<Boolean> driveIsoLinked;
  final Field<Boolean> driveIsVhd;
  final Field<String> driveFileName;
  final Field<String> drivePath;
  final Field<Long> driveSize;
  final Field<UUID> driveDisk;
  final Field<UUID> driveVm;
  final Field<UUID> driveTemplate;
  final Field<String> driveVolumeType;

  final Field<UUID> dvdStamp;
  final Field<Integer> dvdBus;
  final Field<Boolean> dvdIsoLinked;
  final Field<UUID> dvdVm;

  final Field<UUID> scsiStamp;
  final Field<Integer> scsiAdapterId;
  final Field<String> scsiName;
  final Field<Boolean> scsiShared;
  final Field<UUID> scsiVm;

  StorageFields(EntityTypeModel vm, EntityTypeModel template, EntityTypeModel disk, EntityTypeModel drive,
      EntityTypeModel dvd, EntityTypeModel scsi) {
    this.vmOwnId = Field.guid(vm, "ID");
    this.vmStamp = Field.guid(vm, "StampId");
    this.vmName = Field.string(vm, "Name");
    this.vmCloud = Field.guid(vm, "CloudId");
    this.vmOwner = Field.complex(vm, "Owner");
    this.vmTemplate = Field.guid(vm, "VMTemplateId");
    this.vmDisk = Field.guid(vm, "VirtualHardDiskId");
    this.vmGeneration = Field.int32(vm, "Generation");
    this.vmTotalSize = Field.int64(vm, "TotalSize");
    this.vmPath = Field.string(vm, "Path");
    this.templateDisk = Field.guid(template, "VirtualHardDiskId");
    this.templateCapacity = Field.int64(template, "TotalVHDCapacity");
    this.diskId = Field.guid(disk, "ID");
    this.diskStamp = Field.guid(disk, "StampId");
    this.diskName = Field.string(disk, "Name");
    this.diskDescription = Field.string(disk, "Description");
    this.diskAccessibility = Field.string(disk, "Accessibility");
    this.diskCloud = Field.guid(disk, "CloudId");
    this.diskOwner = Field.complex(disk, "Owner");
    this.diskEnabled = Field.bool(disk, "Enabled");
    this.diskOrphaned = Field.bool(disk, "IsOrphaned");
    this.diskResourceGroup = Field.bool(disk, "IsResourceGroup");
    this.diskState = Field.string(disk, "State");
    this.diskVhdType = Field.string(disk, "VHDType");
    this.diskPlatform = Field.string(disk, "VirtualizationPlatform");
    this.diskVm = Field.guid(disk, "VMId");
    this.diskTemplate = Field.guid(disk, "TemplateId");
    this.diskParent = Field.guid(disk, "ParentDiskId");
    this.diskMaximumSize = Field.int64(disk, "MaximumSize");
    this.diskSize = Field.int64(disk, "Size");
    this.diskAdded = Field.dateTime(disk, "AddedTime");
    this.diskModified = Field.dateTime(disk, "ModifiedTime");
    this.copied = new int[COPIED.size()];
    for (int i = 0; i < copied.length; i++) {
      PropertyModel property = disk.property(COPIED.get(i));
      if (property == null) {
        throw new IllegalStateException(disk.name() + " has no property " + COPIED.get(i));
      }
      copied[i] = property.index();
    }
    this.driveId = Field.guid(drive, "ID");
    this.driveStamp = Field.guid(drive, "StampId");
    this.driveName = Field.string(drive, "Name");
    this.driveDescription = Field.string(drive, "Description");
    this.driveAccessibility = Field.string(drive, "Accessibility");
    this.driveAdded = Field.dateTime(drive, "AddedTime");
    this.driveModified = Field.dateTime(drive, "ModifiedTime");
    this.driveBus = Field.unsignedByte(drive, "Bus");
    this.driveLun = Field.unsignedByte(drive, "LUN");
    this.driveBusType = Field.string(drive, "BusType");
    this.driveIde = Field.bool(drive, "IDE");
    this.driveScsi = Field.bool(drive, "SCSI");
    this.driveEnabled = Field.bool(drive, "Enabled");
    this.driveIsoLinked = Field.bool(drive, "ISOLinked");
    this.driveIsVhd = Field.bool(drive, "IsVHD");
    this.driveFileName = Field.string(drive, "FileName");
    this.drivePath = Field.string(drive, "Path");
    this.driveSize = Field.int64(drive, "Size");
    this.driveDisk = Field.guid(drive, "VirtualHardDiskId");
    this.driveVm = Field.guid(drive, "VMId");
    this.driveTemplate = Field.guid(drive, "TemplateId");
    this.driveVolumeType = Field.string(drive, "VolumeType");
    this.dvdStamp = Field.guid(dvd, "StampId");
    this.dvdBus = Field.unsignedByte(dvd, "Bus");
    this.dvdIsoLinked = Field.bool(dvd, "ISOLinked");
    this.dvdVm = Field.guid(dvd, "VMId");
    this.scsiStamp = Field.guid(scsi, "StampId");
    this.scsiAdapterId = Field.int32(scsi, "AdapterID");
    this.scsiName = Field.string(scsi, "Name");
    this.scsiShared = Field.bool(scsi, "Shared");
    this.scsiVm = Field.guid(scsi, "VMId");
  }
}
