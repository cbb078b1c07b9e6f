package dev.spfemu.vmm.storage;

import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.machine.Provisioning;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A new VM's storage as VMM makes it when it deploys a template or a virtual hard disk: for each disk
 * of its {@link DiskSources} a virtual hard disk of its own (made from that disk: {@code ParentDiskId})
 * in a disk drive, a DVD drive, and a SCSI adapter where a drive is on SCSI (always on generation 2).
 * The VM's {@code TotalSize} is the sum of its disks' maximum sizes from the create's answer on; the
 * disks are made when the creation job completes (and not at all when it fails). A deleted VM's disks,
 * drives and adapters go with it; a rolled-back change set takes them back, as every stored change.
 */
public final class DiskProvisioning implements Provisioning {

  private static final String SCSI = "SCSI";
  private static final String IDE = "IDE";

  private final EntityStore store;
  private final StoredSet disks;
  private final StoredSet drives;
  private final StoredSet dvds;
  private final StoredSet scsiAdapters;
  private final StorageFields fields;
  private final DiskSources sources;
  /** Each set's entities by the VM they belong to ({@code VMId}, {@code StampId}), as navigation finds them. */
  private final List<Owned> owned;

  private record Owned(StoredSet set, SecondaryIndex byVm) {
  }

  public DiskProvisioning(EntityStore store, StoredSet vms, StoredSet templates, StoredSet disks, StoredSet drives,
      StoredSet dvds, StoredSet scsiAdapters) {
    this.store = store;
    this.disks = disks;
    this.drives = drives;
    this.dvds = dvds;
    this.scsiAdapters = scsiAdapters;
    this.fields = new StorageFields(vms.type(), templates.type(), disks.type(), drives.type(), dvds.type(),
        scsiAdapters.type());
    this.sources = new DiskSources(store, templates, disks, drives, fields);
    this.owned = List.of(
        new Owned(disks, store.index(disks.type().entitySet(), fields.diskVm.index(), fields.diskStamp.index())),
        new Owned(drives, store.index(drives.type().entitySet(), fields.driveVm.index(), fields.driveStamp.index())),
        new Owned(dvds, store.index(dvds.type().entitySet(), fields.dvdVm.index(), fields.dvdStamp.index())),
        new Owned(scsiAdapters, store.index(scsiAdapters.type().entitySet(), fields.scsiVm.index(),
            fields.scsiStamp.index())));
  }

  @Override
  public Prepared prepare(String subscription, EntityValues vm) {
    DiskSources.Plan plan = sources.of(subscription, fields.vmStamp.get(vm), fields.vmDisk.get(vm),
        fields.vmTemplate.get(vm));
    return new Prepared() {
      @Override
      public void fill(Object[] values) {
        if (fields.vmTotalSize.get(values) == null) { // a size the create sent is kept [I]
          fields.vmTotalSize.set(values, plan.totalSize(fields));
        }
      }

      @Override
      public void complete(EntityValues created) {
        provision(subscription, created, plan.sources());
      }
    };
  }

  private void provision(String subscription, EntityValues vm, List<DiskSources.Source> planned) {
    boolean generation2 = Integer.valueOf(2).equals(fields.vmGeneration.get(vm));
    Set<String> usedSlots = new HashSet<>();
    for (DiskSources.Source source : planned) {
      if (source.templateDrive() != null) {
        usedSlots.add(slot(source.templateDrive()::value));
      }
    }
    boolean scsi = generation2;
    for (int i = 0; i < planned.size(); i++) {
      scsi |= disk(subscription, vm, planned.get(i), i, generation2, usedSlots);
    }
    Object[] dvd = new Object[dvds.type().propertyCount()];
    fields.dvdStamp.set(dvd, fields.vmStamp.get(vm));
    fields.dvdVm.set(dvd, fields.vmOwnId.get(vm));
    fields.dvdBus.set(dvd, 1); // the second IDE bus, as VMM places a VM's DVD drive [I]
    fields.dvdIsoLinked.set(dvd, false);
    dvds.insert(subscription, dvd);
    if (scsi) {
      Object[] adapter = new Object[scsiAdapters.type().propertyCount()];
      fields.scsiStamp.set(adapter, fields.vmStamp.get(vm));
      fields.scsiVm.set(adapter, fields.vmOwnId.get(vm));
      fields.scsiAdapterId.set(adapter, 0);
      fields.scsiName.set(adapter, "SCSI Adapter");
      fields.scsiShared.set(adapter, false);
      scsiAdapters.insert(subscription, adapter);
    }
  }

  /** Makes the VM's disk {@code index} and its drive; true if the drive is on SCSI. */
  private boolean disk(String subscription, EntityValues vm, DiskSources.Source source, int index,
      boolean generation2, Set<String> usedSlots) {
    String vmName = fields.vmName.get(vm);
    String sourceName = fields.diskName.get(source.disk()::value);
    boolean vhd = sourceName != null && sourceName.toLowerCase(Locale.ROOT).endsWith(".vhd");
    String name = (index == 0 ? vmName : vmName + "-" + index) + (vhd ? ".vhd" : ".vhdx");
    Object[] disk = newDisk(vm, source.disk(), name);
    disks.insert(subscription, disk);
    Object[] drive = new Object[drives.type().propertyCount()];
    boolean scsi = place(drive, source.templateDrive(), index, generation2, usedSlots);
    fields.driveStamp.set(drive, fields.vmStamp.get(vm));
    fields.driveName.set(drive, vmName + " disk " + index);
    fields.driveDescription.set(drive, "");
    fields.driveAccessibility.set(drive, "Public");
    fields.driveAdded.set(drive, fields.diskAdded.get(disk));
    fields.driveModified.set(drive, fields.diskAdded.get(disk));
    fields.driveEnabled.set(drive, true);
    fields.driveIsoLinked.set(drive, false);
    fields.driveIsVhd.set(drive, true);
    fields.driveFileName.set(drive, name);
    fields.driveSize.set(drive, fields.diskSize.get(disk));
    fields.driveDisk.set(drive, fields.diskId.get(disk));
    fields.driveVm.set(drive, fields.vmOwnId.get(vm));
    drives.insert(subscription, drive);
    return scsi;
  }

  /** The VM's own disk made from {@code source}: the source's sizes and operating system, the VM's owner. */
  private Object[] newDisk(EntityValues vm, EntityRecord source, String name) {
    OffsetDateTime now = disks.currentTime();
    Object[] disk = new Object[disks.type().propertyCount()];
    for (int copied : fields.copied) {
      disk[copied] = source.value(copied);
    }
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
    fields.diskParent.set(disk, fields.diskId.get(source::value));
    fields.diskAdded.set(disk, now);
    fields.diskModified.set(disk, now);
    return disk;
  }

  /**
   * Puts a drive where the template's drive put it, else the first disk of a generation 1 VM on IDE
   * 0:0 and every other disk on SCSI bus 0 at the first free LUN [I]; true if it is on SCSI.
   */
  private boolean place(Object[] drive, EntityRecord templateDrive, int index, boolean generation2,
      Set<String> usedSlots) {
    boolean scsi;
    if (templateDrive != null) {
      scsi = Boolean.TRUE.equals(fields.driveScsi.get(templateDrive::value));
      fields.driveBus.set(drive, fields.driveBus.get(templateDrive::value));
      fields.driveLun.set(drive, fields.driveLun.get(templateDrive::value));
      fields.driveVolumeType.set(drive, fields.driveVolumeType.get(templateDrive::value));
    } else {
      scsi = generation2 || index > 0;
      int lun = 0;
      while (usedSlots.contains((scsi ? SCSI : IDE) + ":0:" + lun)) {
        lun++;
      }
      usedSlots.add((scsi ? SCSI : IDE) + ":0:" + lun);
      fields.driveBus.set(drive, 0);
      fields.driveLun.set(drive, lun);
      fields.driveVolumeType.set(drive, index == 0 ? "BootAndSystem" : "None");
    }
    fields.driveBusType.set(drive, scsi ? SCSI : IDE);
    fields.driveIde.set(drive, !scsi);
    fields.driveScsi.set(drive, scsi);
    return scsi;
  }

  /** Where a drive sits: its bus type, bus and LUN. */
  private String slot(EntityValues drive) {
    boolean scsi = Boolean.TRUE.equals(fields.driveScsi.get(drive));
    Integer bus = fields.driveBus.get(drive);
    Integer lun = fields.driveLun.get(drive);
    return (scsi ? SCSI : IDE) + ":" + (bus == null ? 0 : bus) + ":" + (lun == null ? 0 : lun);
  }

  /** Deletes a deleted VM's disks, disk and DVD drives and SCSI adapters (undone by a rollback). */
  public void removeAllOf(String subscription, UUID vmId, UUID stamp) {
    EntityKey vm = EntityKey.of(vmId, stamp);
    for (Owned each : owned) {
      for (EntityRecord record : store.findBy(subscription, each.byVm(), vm)) {
        each.set().delete(subscription, record.key());
      }
    }
  }
}
