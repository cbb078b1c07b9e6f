package dev.spfemu.vmm.storage;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.error.VmmRuleErrors;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.Outcome;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Disk drives added to and removed from a VM, as {@code New-SCVirtualDiskDrive} and
 * {@code Remove-SCVirtualDiskDrive} do, each a job on the VM ({@code MostRecentTaskId}): a new drive
 * gets its slot ({@link DriveSlots}) and a disk of the VM's own: a copy of the library disk its
 * {@code VirtualHardDiskId} names, that disk itself if it is already the VM's and in no drive, or a new
 * blank one; its {@code Path} is where that disk's file lies. The VM's {@code TotalSize} and quota
 * usage grow by the disk's {@code MaximumSize} (a growth beyond the quota is refused before anything
 * is stored), and shrink when the drive is removed with its disk. A drive that names no VM (a
 * template's) is only stored. A failed job takes back what its create made.
 */
public final class DiskDriveBehaviour implements EntityBehaviour {

  /** A blank disk's maximum size when the create sends no {@code Size} [I]. */
  static final long DEFAULT_SIZE = 40L << 30;

  /** The disk a new drive holds: made for it (a copy or a blank disk), or one the VM had. */
  private record Disk(Object[] values, boolean made) {
  }

  private final DriveTarget target;
  private final StoredSet disks;
  private final StoredSet drives;
  private final VmDisks own;
  private final StorageFields fields;
  private final DriveSlots slots;

  DiskDriveBehaviour(DriveTarget target, StoredSet disks, StoredSet drives, VmDisks own, StorageFields fields) {
    this.target = target;
    this.disks = disks;
    this.drives = drives;
    this.own = own;
    this.fields = fields;
    this.slots = new DriveSlots(own, fields);
  }

  @Override
  public Outcome create(String subscription, EntityPayload payload, boolean async) {
    UUID vmId = fields.driveVm.get(payload);
    UUID stamp = fields.driveStamp.get(payload);
    if (vmId == null || stamp == null) { // a template's drive, or a create the generic rules refuse
      return Outcome.stored(drives.create(subscription, payload));
    }
    EntityRecord vm = target.vm(subscription, vmId, stamp);
    DriveSlots.Slot slot = slots.place(subscription, vm::value, payload);
    Disk disk = disk(subscription, vm::value, payload);
    long bytes = orZero(fields.diskMaximumSize.get(disk.values()));
    int index = own.drivesOf(subscription, vmId, stamp).size();
    EntityRecord created = drives.create(subscription, payload);
    try {
      target.grow(subscription, vm.key(), bytes);
    } catch (RuntimeException refused) { // over quota: nothing stays stored
      drives.delete(subscription, created.key());
      throw refused;
    }
    if (disk.made()) {
      disks.insert(subscription, disk.values());
    }
    EntityRecord described = drives.modify(subscription, created.key(), drive -> {
      own.place(drive, slot.scsi(), slot.bus(), slot.lun());
      own.holding(drive, vm::value, i -> disk.values()[i]);
      if (fields.driveName.get(drive) == null) {
        fields.driveName.set(drive, fields.vmName.get(vm::value) + " disk " + index);
      }
      if (fields.driveVolumeType.get(drive) == null) {
        fields.driveVolumeType.set(drive, "None");
      }
    }).orElseThrow();
    UUID job = target.run(subscription, vm, "New-SCVirtualDiskDrive", async, () -> { }, failed -> {
      drives.discard(subscription, created.key()); // a failed job adds nothing [I]
      if (disk.made()) {
        disks.discard(subscription, EntityKey.of(fields.diskId.get(disk.values()), stamp));
      }
      target.grow(subscription, vm.key(), -bytes);
    });
    return new Outcome(described, job);
  }

  /** The disk the new drive holds; 404 if its VirtualHardDiskId names none, 400 if it is another's. */
  private Disk disk(String subscription, EntityValues vm, EntityValues drive) {
    UUID stamp = fields.vmStamp.get(vm);
    UUID id = fields.driveDisk.get(drive);
    if (id == null) {
      Long size = fields.driveSize.get(drive);
      if (size != null && size <= 0) {
        throw VmmRuleErrors.invalidDiskDrive("Size " + size + " is not a disk size: send the new blank disk's maximum"
            + " size in bytes, or leave Size out for " + DEFAULT_SIZE + " (40 GiB).");
      }
      return new Disk(own.blank(vm, name(subscription, vm, drive, null), size != null ? size : DEFAULT_SIZE), true);
    }
    EntityRecord source = disks.find(subscription, EntityKey.of(id, stamp)).orElseThrow(() ->
        VmmErrors.referenceNotFound("VirtualHardDiskId", id, disks.type().entitySet(), stamp));
    UUID owner = fields.diskVm.get(source::value);
    if (owner == null) { // a library (or template) disk: VMM copies it for the VM
      return new Disk(own.copyOf(vm, source::value, name(subscription, vm, drive, fields.diskName.get(source::value))),
          true);
    }
    String vmName = fields.vmName.get(vm);
    if (!owner.equals(fields.vmOwnId.get(vm))) {
      throw VmmRuleErrors.invalidDiskDrive("The virtual hard disk '" + fields.diskName.get(source::value) + "' belongs to"
          + " another virtual machine (" + owner + "). Name a library disk (one without a VMId) to copy for '"
          + vmName + "', a disk of its own, or none for a new blank disk.");
    }
    for (EntityRecord other : own.drivesOf(subscription, owner, stamp)) {
      if (id.equals(fields.driveDisk.get(other::value))) {
        throw VmmRuleErrors.invalidDiskDrive("The virtual hard disk '" + fields.diskName.get(source::value)
            + "' is already in the drive '" + fields.driveName.get(other::value) + "' of '" + vmName + "'. Remove"
            + " that drive first, or name a library disk to copy.");
      }
    }
    return new Disk(source.values(), false);
  }

  /**
   * The new disk's file name: {@code FileName} with the source's extension, else {@code <VM name>-<n>}
   * with the first {@code n} no disk of the VM has; 400 if the VM has a disk of that name.
   */
  private String name(String subscription, EntityValues vm, EntityValues drive, String sourceName) {
    Set<String> names = new HashSet<>();
    for (EntityRecord disk : own.disksOf(subscription, fields.vmOwnId.get(vm), fields.vmStamp.get(vm))) {
      String name = fields.diskName.get(disk::value);
      if (name != null) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    String sent = fields.driveFileName.get(drive);
    if (sent != null && !sent.isBlank()) {
      String name = VmDisks.fileName(sent.trim(), sourceName);
      if (names.contains(name.toLowerCase(Locale.ROOT))) {
        throw VmmRuleErrors.invalidDiskDrive("The virtual machine '" + fields.vmName.get(vm) + "' already has a disk "
            + name + ". Send another FileName, or leave it out for a new name.");
      }
      return name;
    }
    for (int n = 1; ; n++) {
      String name = VmDisks.fileName(fields.vmName.get(vm) + "-" + n, sourceName);
      if (!names.contains(name.toLowerCase(Locale.ROOT))) {
        return name;
      }
    }
  }

  @Override
  public Outcome update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    return Outcome.stored(drives.update(subscription, key, payload)); // not served: the set takes no PUT
  }

  @Override
  public Outcome delete(String subscription, EntityKey key, boolean async) {
    EntityRecord drive = drives.read(subscription, key);
    EntityRecord vm = target.find(subscription, fields.driveVm.get(drive::value), fields.driveStamp.get(drive::value));
    if (vm == null) { // a template's drive
      return Outcome.stored(drives.delete(subscription, key));
    }
    UUID job = target.run(subscription, vm, "Remove-SCVirtualDiskDrive", async,
        () -> removed(subscription, drives.delete(subscription, key), vm.key()), failed -> { });
    return new Outcome(drive, job);
  }

  /** A removed drive's disk goes too if it is the VM's own and in no other drive; the VM's TotalSize shrinks. */
  private void removed(String subscription, EntityRecord drive, EntityKey vm) {
    UUID id = fields.driveDisk.get(drive::value);
    UUID vmId = fields.driveVm.get(drive::value);
    UUID stamp = fields.driveStamp.get(drive::value);
    EntityRecord disk = id == null ? null : disks.find(subscription, EntityKey.of(id, stamp)).orElse(null);
    if (disk == null || !Objects.equals(vmId, fields.diskVm.get(disk::value))) {
      return;
    }
    for (EntityRecord other : own.drivesOf(subscription, vmId, stamp)) {
      if (id.equals(fields.driveDisk.get(other::value))) {
        return;
      }
    }
    disks.delete(subscription, disk.key());
    target.grow(subscription, vm, -orZero(fields.diskMaximumSize.get(disk::value)));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
