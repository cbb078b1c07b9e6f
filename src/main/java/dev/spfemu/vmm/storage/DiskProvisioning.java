package dev.spfemu.vmm.storage;

import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobScheduler;
import dev.spfemu.vmm.machine.Machines;
import dev.spfemu.vmm.machine.Provisioning;
import dev.spfemu.vmm.machine.Usage;
import java.util.HashSet;
import java.util.List;
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

  private final EntityStore store;
  private final StoredSet disks;
  private final StoredSet drives;
  private final StoredSet dvds;
  private final StoredSet scsiAdapters;
  private final StorageFields fields;
  private final DiskSources sources;
  private final VmDisks own;
  private final StoredSet vms;
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
    this.own = new VmDisks(store, disks, drives, dvds, fields);
    this.vms = vms;
    this.owned = List.of(new Owned(disks, own.disksByVm), new Owned(drives, own.drivesByVm),
        new Owned(dvds, own.dvdsByVm),
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
        usedSlots.add(own.slot(source.templateDrive()::value));
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
    String name = VmDisks.fileName(index == 0 ? vmName : vmName + "-" + index,
        fields.diskName.get(source.disk()::value));
    Object[] disk = own.copyOf(vm, source.disk()::value, name);
    disks.insert(subscription, disk);
    Object[] drive = new Object[drives.type().propertyCount()];
    boolean scsi = place(drive, source.templateDrive(), index, generation2, usedSlots);
    fields.driveName.set(drive, vmName + " disk " + index);
    own.holding(drive, vm, i -> disk[i]);
    drives.insert(subscription, drive);
    return scsi;
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
      while (usedSlots.contains((scsi ? VmDisks.SCSI : VmDisks.IDE) + ":0:" + lun)) {
        lun++;
      }
      usedSlots.add((scsi ? VmDisks.SCSI : VmDisks.IDE) + ":0:" + lun);
      fields.driveBus.set(drive, 0);
      fields.driveLun.set(drive, lun);
      fields.driveVolumeType.set(drive, index == 0 ? "BootAndSystem" : "None");
    }
    Integer bus = fields.driveBus.get(drive);
    Integer lun = fields.driveLun.get(drive);
    own.place(drive, scsi, bus == null ? 0 : bus, lun == null ? 0 : lun);
    return scsi;
  }

  /**
   * The behaviour of {@code VirtualDiskDrives}: a drive added to or removed from a VM later, with its disk,
   * as jobs on the VM that count against {@code usage}.
   */
  public DiskDriveBehaviour drives(Machines machines, JobScheduler jobs, Usage usage) {
    return new DiskDriveBehaviour(new DriveTarget(vms, machines, jobs, usage, fields), disks, drives, own, fields);
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
