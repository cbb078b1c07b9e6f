package dev.spfemu.vmm.storage;

import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import dev.spfemu.vmm.entity.StoredSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A VM's own disks and drives as VMM makes them, for a new VM's provisioning and for a drive added
 * later alike: a disk copied from a library or template disk, a blank one, the drive that holds a
 * disk and where its file lies ({@code Path}), and the VM's disks, drives and DVD drives, found through
 * store indexes on their {@code VMId} and {@code StampId}.
 */
final class VmDisks {

  static final String SCSI = "SCSI";
  static final String IDE = "IDE";
  /** Where Hyper-V keeps a VM's files when the VM names no folder of its own ({@code Path}) [I]. */
  static final String DEFAULT_FOLDER = "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\";
  /** What a new dynamically expanding VHDX takes on disk before anything is written to it [I]. */
  static final long BLANK_DISK_SIZE = 4L << 20;
  private static final String VHD = ".vhd";
  private static final String VHDX = ".vhdx";

  private final EntityStore store;
  private final StoredSet disks;
  private final StoredSet drives;
  private final StorageFields fields;
  final SecondaryIndex disksByVm;
  final SecondaryIndex drivesByVm;
  final SecondaryIndex dvdsByVm;

  /** Declares the indexes it needs: made before anything is stored. */
  VmDisks(EntityStore store, StoredSet disks, StoredSet drives, StoredSet dvds, StorageFields fields) {
    this.store = store;
    this.disks = disks;
    this.drives = drives;
    this.fields = fields;
    this.disksByVm = store.index(disks.type().entitySet(), fields.diskVm.index(), fields.diskStamp.index());
    this.drivesByVm = store.index(drives.type().entitySet(), fields.driveVm.index(), fields.driveStamp.index());
    this.dvdsByVm = store.index(dvds.type().entitySet(), fields.dvdVm.index(), fields.dvdStamp.index());
  }

  /** The virtual hard disks of the VM {@code vmId} on {@code stamp}. */
  List<EntityRecord> disksOf(String subscription, UUID vmId, UUID stamp) {
    return store.findBy(subscription, disksByVm, EntityKey.of(vmId, stamp));
  }

  /** The disk drives of the VM {@code vmId} on {@code stamp}. */
  List<EntityRecord> drivesOf(String subscription, UUID vmId, UUID stamp) {
    return store.findBy(subscription, drivesByVm, EntityKey.of(vmId, stamp));
  }

  /** The DVD drives of the VM {@code vmId} on {@code stamp}. */
  List<EntityRecord> dvdsOf(String subscription, UUID vmId, UUID stamp) {
    return store.findBy(subscription, dvdsByVm, EntityKey.of(vmId, stamp));
  }

  /** The VM's own disk made from {@code source}: the source's sizes and operating system, the VM's owner. */
  Object[] copyOf(EntityValues vm, EntityValues source, String name) {
    Object[] disk = own(vm, name);
    for (int copied : fields.copied) {
      disk[copied] = source.value(copied);
    }
    fields.diskParent.set(disk, fields.diskId.get(source));
    return disk;
  }

  /** A new blank, dynamically expanding disk of the VM that may grow to {@code maximumSize} bytes. */
  Object[] blank(EntityValues vm, String name, long maximumSize) {
    Object[] disk = own(vm, name);
    fields.diskMaximumSize.set(disk, maximumSize);
    fields.diskSize.set(disk, Math.min(BLANK_DISK_SIZE, maximumSize));
    fields.diskVhdType.set(disk, "DynamicallyExpanding");
    fields.diskPlatform.set(disk, "HyperV");
    return disk;
  }

  private Object[] own(EntityValues vm, String name) {
    OffsetDateTime now = disks.currentTime();
    Object[] disk = new Object[disks.type().propertyCount()];
    fields.diskId.set(disk, disks.newId());
    fields.diskStamp.set(disk, fields.vmStamp.get(vm));
    fields.diskName.set(disk, name);
    fields.diskDescription.set(disk, "");
    fields.diskAccessibility.set(disk, "Public");
    fields.diskCloud.set(disk, fields.vmCloud.get(vm));
    fields.diskOwner.set(disk, fields.vmOwner.get(vm));
    fields.diskEnabled.set(disk, true);
    fields.diskOrphaned.set(disk, false);
    fields.diskResourceGroup.set(disk, false);
    fields.diskState.set(disk, "Normal");
    fields.diskVm.set(disk, fields.vmOwnId.get(vm));
    fields.diskAdded.set(disk, now);
    fields.diskModified.set(disk, now);
    return disk;
  }

  /**
   * Makes {@code drive} the VM's drive of {@code disk}: its VM, disk, file name and size, and where the
   * file lies ({@link #path}); {@code Description} and {@code Accessibility} when it has none.
   */
  void holding(Object[] drive, EntityValues vm, EntityValues disk) {
    String file = fields.diskName.get(disk);
    fields.driveStamp.set(drive, fields.vmStamp.get(vm));
    if (fields.driveDescription.get(drive) == null) {
      fields.driveDescription.set(drive, "");
    }
    if (fields.driveAccessibility.get(drive) == null) {
      fields.driveAccessibility.set(drive, "Public");
    }
    OffsetDateTime now = drives.currentTime();
    fields.driveAdded.set(drive, now);
    fields.driveModified.set(drive, now);
    fields.driveEnabled.set(drive, true);
    fields.driveIsoLinked.set(drive, false);
    fields.driveIsVhd.set(drive, true);
    fields.driveFileName.set(drive, file);
    fields.drivePath.set(drive, path(vm, file));
    fields.driveSize.set(drive, fields.diskSize.get(disk));
    fields.driveDisk.set(drive, fields.diskId.get(disk));
    fields.driveVm.set(drive, fields.vmOwnId.get(vm));
  }

  /** Puts a drive on a bus: {@code BusType}, {@code IDE} and {@code SCSI} agree. */
  void place(Object[] drive, boolean scsi, int bus, int lun) {
    fields.driveBusType.set(drive, scsi ? SCSI : IDE);
    fields.driveIde.set(drive, !scsi);
    fields.driveScsi.set(drive, scsi);
    fields.driveBus.set(drive, bus);
    fields.driveLun.set(drive, lun);
  }

  /** Where a drive sits: its bus type, bus and LUN ("IDE:0:1"); a bus or LUN left out is 0. */
  String slot(EntityValues drive) {
    return slot(Boolean.TRUE.equals(fields.driveScsi.get(drive)), orZero(fields.driveBus.get(drive)),
        orZero(fields.driveLun.get(drive)));
  }

  static String slot(boolean scsi, int bus, int lun) {
    return (scsi ? SCSI : IDE) + ":" + bus + ":" + lun;
  }

  static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  /**
   * Where a disk file of the VM lies: in the VM's folder ({@code Path}), else in Hyper-V's default
   * folder for the VM ({@code C:\ProgramData\Microsoft\Windows\Hyper-V\<VM name>}) [I].
   */
  String path(EntityValues vm, String file) {
    String folder = fields.vmPath.get(vm);
    if (folder == null || folder.isBlank()) {
      folder = DEFAULT_FOLDER + fields.vmName.get(vm);
    }
    return folder.endsWith("\\") ? folder + file : folder + "\\" + file;
  }

  /** {@code base} with the extension of the disk {@code sourceName} (.vhd, else .vhdx) if it has none. */
  static String fileName(String base, String sourceName) {
    String lower = base.toLowerCase(Locale.ROOT);
    if (lower.endsWith(VHD) || lower.endsWith(VHDX)) {
      return base;
    }
    return base + (sourceName != null && sourceName.toLowerCase(Locale.ROOT).endsWith(VHD) ? VHD : VHDX);
  }
}
