package dev.spfemu.vmm.storage;

import dev.spfemu.error.VmmRuleErrors;
import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityRecord;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Where a new disk drive of a VM goes, as {@code New-SCVirtualDiskDrive} places it: on the bus type
 * the create asks for ({@code SCSI} or {@code IDE}, else {@code BusType}), else on IDE on a
 * generation 1 VM while IDE has a free slot and on SCSI otherwise (a generation 2 VM has no IDE
 * controller); at the {@code Bus} and {@code LUN} sent, or the first free slot that fits those sent.
 * Hyper-V has two IDE buses of two LUNs each and four SCSI buses of 64 LUNs; the VM's disk drives and
 * DVD drives (on IDE) take their slots [I].
 */
final class DriveSlots {

  /** A drive's place: its bus type, bus and LUN. */
  record Slot(boolean scsi, int bus, int lun) {
  }

  private static final int IDE_BUSES = 2;
  private static final int IDE_LUNS = 2;
  private static final int SCSI_BUSES = 4;
  private static final int SCSI_LUNS = 64;

  private final VmDisks own;
  private final StorageFields fields;

  DriveSlots(VmDisks own, StorageFields fields) {
    this.own = own;
    this.fields = fields;
  }

  /** The slot of the drive {@code drive} asks for on {@code vm}; 400 {@code InvalidDiskDrive} if it cannot have one. */
  Slot place(String subscription, EntityValues vm, EntityValues drive) {
    String name = fields.vmName.get(vm);
    Boolean scsi = busType(drive);
    boolean generation2 = Integer.valueOf(2).equals(fields.vmGeneration.get(vm));
    if (generation2 && Boolean.FALSE.equals(scsi)) {
      throw VmmRuleErrors.invalidDiskDrive("The virtual machine '" + name + "' is generation 2, which has no IDE"
          + " controller. Put the drive on SCSI (SCSI: true), or leave IDE and SCSI out.");
    }
    Integer bus = fields.driveBus.get(drive);
    Integer lun = fields.driveLun.get(drive);
    Set<String> taken = taken(subscription, vm);
    if (scsi == null) {
      scsi = generation2 || free(false, bus, lun, taken) == null;
    }
    int buses = scsi ? SCSI_BUSES : IDE_BUSES;
    int luns = scsi ? SCSI_LUNS : IDE_LUNS;
    String type = scsi ? VmDisks.SCSI : VmDisks.IDE;
    if (bus != null && bus >= buses || lun != null && lun >= luns) {
      throw VmmRuleErrors.invalidDiskDrive(type + " " + orAny(bus) + ":" + orAny(lun) + " is not a slot of a virtual"
          + " machine: " + type + " has buses 0 to " + (buses - 1) + " with LUNs 0 to " + (luns - 1) + ".");
    }
    Slot slot = free(scsi, bus, lun, taken);
    if (slot != null) {
      return slot;
    }
    if (bus != null && lun != null) {
      throw VmmRuleErrors.invalidDiskDrive(type + " " + bus + ":" + lun + " of the virtual machine '" + name
          + "' is taken by another drive. Choose a free Bus and LUN, or leave them out for the first free one.");
    }
    throw VmmRuleErrors.invalidDiskDrive("The virtual machine '" + name + "' has no free " + type + " slot"
        + (bus != null ? " on bus " + bus : "") + (lun != null ? " at LUN " + lun : "")
        + ". Remove one of its drives, or choose another bus type.");
  }

  /** SCSI (true) or IDE (false) as the drive asks, or null if it does not say. */
  private Boolean busType(EntityValues drive) {
    Boolean scsi = fields.driveScsi.get(drive);
    Boolean ide = fields.driveIde.get(drive);
    if (scsi != null && scsi.equals(ide)) {
      throw VmmRuleErrors.invalidDiskDrive("IDE and SCSI are both " + scsi + ", but a drive is on one bus: send SCSI:"
          + " true or IDE: true (the other false or left out), or neither for VMM's choice.");
    }
    if (scsi != null || ide != null) {
      return scsi != null ? scsi : !ide;
    }
    String busType = fields.driveBusType.get(drive);
    if (busType == null) {
      return null;
    }
    return switch (busType.trim().toUpperCase(Locale.ROOT)) {
      case VmDisks.SCSI -> true;
      case VmDisks.IDE -> false;
      default -> throw VmmRuleErrors.invalidDiskDrive("BusType '" + busType + "' is not a bus type. Use IDE or SCSI"
          + " (or send IDE: true or SCSI: true).");
    };
  }

  /** The slots the VM's disk and DVD drives take. */
  private Set<String> taken(String subscription, EntityValues vm) {
    UUID id = fields.vmOwnId.get(vm);
    UUID stamp = fields.vmStamp.get(vm);
    Set<String> taken = new HashSet<>();
    for (EntityRecord drive : own.drivesOf(subscription, id, stamp)) {
      taken.add(own.slot(drive::value));
    }
    for (EntityRecord dvd : own.dvdsOf(subscription, id, stamp)) {
      taken.add(VmDisks.slot(false, VmDisks.orZero(fields.dvdBus.get(dvd::value)), 0));
    }
    return taken;
  }

  /** The first free slot of the bus type that has the bus and LUN asked for (null: any); null if none. */
  private static Slot free(boolean scsi, Integer bus, Integer lun, Set<String> taken) {
    int buses = scsi ? SCSI_BUSES : IDE_BUSES;
    int luns = scsi ? SCSI_LUNS : IDE_LUNS;
    for (int b = 0; b < buses; b++) {
      for (int l = 0; l < luns; l++) {
        if ((bus == null || bus == b) && (lun == null || lun == l) && !taken.contains(VmDisks.slot(scsi, b, l))) {
          return new Slot(scsi, b, l);
        }
      }
    }
    return null;
  }

  private static String orAny(Integer value) {
    return value == null ? "*" : value.toString();
  }
}
