package dev.spfemu.vmm.storage;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.ChangeSet;
import dev.spfemu.vmm.VmmFixture;
import dev.spfemu.vmm.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A disk drive added to a VM later ({@code New-SCVirtualDiskDrive}): its bus type and slot, the disk
 * it holds (a copy of a library disk, the VM's own, or a blank one), its Path, the job on the VM, the
 * VM's TotalSize and quota usage; and its removal, a failed job and a rolled-back change set.
 */
class DiskDriveBehaviourTest {

  private static final long GB = 1L << 30;
  private static final UUID TEMPLATE = UUID.fromString("00000000-0000-4000-8000-000000000301");
  private static final UUID LIBRARY = UUID.fromString("00000000-0000-4000-8000-000000000734");
  private static final UUID ROLE = UUID.fromString(SUBSCRIPTION);

  private final VmmFixture world = new VmmFixture(Duration.ZERO);

  DiskDriveBehaviourTest() {
    world.set("VirtualHardDisks").create(SUBSCRIPTION, world.payload("VirtualHardDisks", "ID", LIBRARY,
        "StampId", STAMP, "Name", "WS2012R2-Datacenter.vhdx", "MaximumSize", 40 * GB, "Size", 9 * GB,
        "VHDType", "DynamicallyExpanding"), false);
  }

  @AfterEach
  void close() {
    world.close();
  }

  /** A VM of this generation from a template whose disk boots from IDE 0:0 (SCSI 0:0 on generation 2). */
  private EntityRecord vm(String name, int generation, Object... more) {
    if (world.set("VMTemplates").list(SUBSCRIPTION).isEmpty()) {
      world.set("VMTemplates").create(SUBSCRIPTION, world.payload("VMTemplates", "ID", TEMPLATE, "StampId", STAMP,
          "Name", "ws2012r2", "VirtualHardDiskId", LIBRARY), false);
    }
    List<Object> values = new ArrayList<>(List.of("Name", name, "StampId", STAMP, "CloudId", CLOUD,
        "VMTemplateId", TEMPLATE, "Generation", generation));
    values.addAll(List.of(more));
    return world.set("VirtualMachines").create(SUBSCRIPTION, world.payload("VirtualMachines", values.toArray()),
        false).entity();
  }

  private Change add(EntityRecord vm, Object... more) {
    List<Object> values = new ArrayList<>(List.of("StampId", STAMP, "VMId", vm.key().value(0)));
    values.addAll(List.of(more));
    return world.set("VirtualDiskDrives").create(SUBSCRIPTION, world.payload("VirtualDiskDrives", values.toArray()),
        false);
  }

  private Map<String, Object> drive(Change added) {
    return world.read("VirtualDiskDrives", added.entity().key());
  }

  private Map<String, Object> vmNow(EntityRecord vm) {
    return world.read("VirtualMachines", vm.key());
  }

  private Map<String, Object> diskOf(Map<String, Object> drive) {
    return world.read("VirtualHardDisks", VmmFixture.key(drive.get("VirtualHardDiskId")));
  }

  private int count(String set) {
    return world.set(set).list(SUBSCRIPTION).size();
  }

  private static String code(Runnable refused) {
    return assertThrows(ServiceException.class, refused::run).code();
  }

  @Test
  void aLibraryDiskIsCopiedForTheVmAndTheDriveSaysWhereItsFileIs() {
    EntityRecord vm = vm("web-01", 1);
    Change added = add(vm, "VirtualHardDiskId", LIBRARY, "Bus", 0, "LUN", 2, "SCSI", true, "FileName", "web-01-data");
    Map<String, Object> drive = drive(added);
    assertEquals(true, drive.get("SCSI"));
    assertEquals(false, drive.get("IDE"), "set, not left null (the Terraform provider dereferences it)");
    assertEquals("SCSI", drive.get("BusType"));
    assertEquals(0, drive.get("Bus"));
    assertEquals(2, drive.get("LUN"));
    assertEquals("C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\web-01\\web-01-data.vhdx", drive.get("Path"));
    assertEquals("web-01-data.vhdx", drive.get("FileName"));
    assertEquals(true, drive.get("IsVHD"));
    assertNotEquals(LIBRARY, drive.get("VirtualHardDiskId"), "a copy, not the library's disk");
    Map<String, Object> disk = diskOf(drive);
    assertEquals("web-01-data.vhdx", disk.get("Name"));
    assertEquals(vm.key().value(0), disk.get("VMId"));
    assertEquals(LIBRARY, disk.get("ParentDiskId"));
    assertEquals(40 * GB, disk.get("MaximumSize"));
    assertEquals(9 * GB, drive.get("Size"));
    assertNull(world.read("VirtualHardDisks", VmmFixture.key(LIBRARY)).get("VMId"), "the library disk stays");
    assertEquals(80 * GB, vmNow(vm).get("TotalSize"), "the template's disk and the new one");
  }

  @Test
  void theDriveIsAJobOnTheVm() {
    EntityRecord vm = vm("web-01", 1);
    Change added = add(vm);
    assertEquals(added.job(), vmNow(vm).get("MostRecentTaskId"));
    Map<String, Object> job = world.job(added.job());
    assertEquals("New-SCVirtualDiskDrive web-01", job.get("Name"));
    assertEquals(true, job.get("IsCompleted"));
  }

  @Test
  void withoutABusTypeAGeneration1VmFillsIdeFirstThenScsi() {
    EntityRecord vm = vm("web-01", 1); // its disk on IDE 0:0, its DVD drive on IDE 1:0
    Map<String, Object> first = drive(add(vm));
    assertEquals(List.of(true, false, "IDE", 0, 1), slot(first));
    assertEquals(List.of(true, false, "IDE", 1, 1), slot(drive(add(vm))));
    assertEquals(List.of(false, true, "SCSI", 0, 0), slot(drive(add(vm))), "IDE is full");
    assertEquals(List.of(false, true, "SCSI", 0, 1), slot(drive(add(vm, "IDE", false))));
    assertEquals(List.of(false, true, "SCSI", 2, 0), slot(drive(add(vm, "Bus", 2))), "IDE has no bus 2");
    assertEquals(List.of(false, true, "SCSI", 0, 5), slot(drive(add(vm, "BusType", "scsi", "LUN", 5))));
  }

  private static List<Object> slot(Map<String, Object> drive) {
    return List.of(drive.get("IDE"), drive.get("SCSI"), drive.get("BusType"), drive.get("Bus"), drive.get("LUN"));
  }

  @Test
  void aGeneration2VmHasOnlyScsi() {
    EntityRecord vm = vm("web-02", 2);
    assertEquals(List.of(false, true, "SCSI", 0, 1), slot(drive(add(vm))), "after its disk on SCSI 0:0");
    ServiceException refused = assertThrows(ServiceException.class, () -> add(vm, "IDE", true));
    assertEquals("InvalidDiskDrive", refused.code());
    assertTrue(refused.getMessage().contains("generation 2"), refused.getMessage());
  }

  @Test
  void aTakenSlotOrAContradictionIsRefusedAndNothingIsStored() {
    EntityRecord vm = vm("web-01", 1);
    int drives = count("VirtualDiskDrives");
    int disks = count("VirtualHardDisks");
    ServiceException taken = assertThrows(ServiceException.class, () -> add(vm, "IDE", true, "Bus", 0, "LUN", 0));
    assertEquals(400, taken.status());
    assertEquals("InvalidDiskDrive", taken.code());
    assertTrue(taken.getMessage().contains("IDE 0:0") && taken.getMessage().contains("taken"), taken.getMessage());
    assertEquals("InvalidDiskDrive", code(() -> add(vm, "IDE", true, "SCSI", true)));
    assertEquals("InvalidDiskDrive", code(() -> add(vm, "IDE", true, "LUN", 2)), "IDE has LUNs 0 and 1");
    assertEquals("InvalidDiskDrive", code(() -> add(vm, "BusType", "USB")));
    assertEquals("InvalidDiskDrive", code(() -> add(vm, "Size", 0L)));
    assertEquals(drives, count("VirtualDiskDrives"));
    assertEquals(disks, count("VirtualHardDisks"));
    assertEquals(40 * GB, vmNow(vm).get("TotalSize"));
  }

  @Test
  void withoutAVirtualHardDiskIdTheVmGetsABlankDiskInItsOwnFolder() {
    EntityRecord vm = vm("web-01", 1, "Path", "D:\\VMs\\web-01");
    Map<String, Object> drive = drive(add(vm));
    Map<String, Object> disk = diskOf(drive);
    assertEquals("web-01-1.vhdx", disk.get("Name"));
    assertEquals(40 * GB, disk.get("MaximumSize"), "40 GiB unless Size is sent");
    assertEquals("DynamicallyExpanding", disk.get("VHDType"));
    assertNull(disk.get("ParentDiskId"));
    assertEquals("D:\\VMs\\web-01\\web-01-1.vhdx", drive.get("Path"), "in the VM's Path");
    Map<String, Object> sized = diskOf(drive(add(vm, "Size", 5 * GB)));
    assertEquals("web-01-2.vhdx", sized.get("Name"));
    assertEquals(5 * GB, sized.get("MaximumSize"));
    assertEquals(85 * GB, vmNow(vm).get("TotalSize"));
    assertEquals("InvalidDiskDrive", code(() -> add(vm, "FileName", "web-01-2")), "a file the VM has");
  }

  @Test
  void aDiskOfTheVmInNoDriveIsAttachedAsItIsAndOneInADriveOrAnotherVmsIsRefused() {
    EntityRecord vm = vm("web-01", 1);
    EntityRecord other = vm("web-02", 1);
    UUID loose = (UUID) world.set("VirtualHardDisks").create(SUBSCRIPTION, world.payload("VirtualHardDisks",
        "StampId", STAMP, "Name", "loose.vhdx", "VMId", vm.key().value(0), "MaximumSize", 10 * GB), false)
        .entity().key().value(0);
    int disks = count("VirtualHardDisks");
    Map<String, Object> drive = drive(add(vm, "VirtualHardDiskId", loose));
    assertEquals(loose, drive.get("VirtualHardDiskId"));
    assertEquals(disks, count("VirtualHardDisks"), "no copy");
    assertEquals(50 * GB, vmNow(vm).get("TotalSize"));
    assertEquals("InvalidDiskDrive", code(() -> add(vm, "VirtualHardDiskId", loose)), "already in a drive");
    assertEquals("InvalidDiskDrive", code(() -> add(other, "VirtualHardDiskId", loose)), "web-01's");
  }

  @Test
  void anUnknownVmOrDiskIsTheReferenceError() {
    EntityRecord vm = vm("web-01", 1);
    ServiceException noVm = assertThrows(ServiceException.class, () -> world.set("VirtualDiskDrives").create(
        SUBSCRIPTION, world.payload("VirtualDiskDrives", "StampId", STAMP, "VMId", UUID.randomUUID()), false));
    assertEquals(404, noVm.status());
    assertEquals("ReferencedEntityNotFound", noVm.code());
    assertTrue(noVm.getMessage().contains("VMId"), noVm.getMessage());
    ServiceException noDisk = assertThrows(ServiceException.class, () -> add(vm, "VirtualHardDiskId",
        UUID.randomUUID()));
    assertEquals("ReferencedEntityNotFound", noDisk.code());
    assertTrue(noDisk.getMessage().contains("VirtualHardDiskId"), noDisk.getMessage());
  }

  /** The subscription's role with a StorageGB quota on the cloud. */
  private void storageQuota(long gb) {
    world.set("UserRoles").create(SUBSCRIPTION, world.payload("UserRoles", "ID", ROLE, "Name", "Tenant"), false);
    world.set("QuotaAndUsageComponents").create(SUBSCRIPTION, world.payload("QuotaAndUsageComponents",
        "ID", CLOUD, "StampId", STAMP, "UserRoleID", ROLE, "QuotaDimension", "StorageGB", "RoleQuota", gb,
        "UseRoleQuotaMaximum", false, "RoleUsage", 0L), false);
  }

  private long storageUsed() {
    return (Long) world.set("QuotaAndUsageComponents").read(SUBSCRIPTION, EntityKey.of(CLOUD, STAMP, ROLE,
        "StorageGB")).value(world.model.byEntitySet("QuotaAndUsageComponents").property("RoleUsage").index());
  }

  @Test
  void aDiskBeyondTheStorageQuotaIsRefusedBeforeAnythingIsStored() {
    storageQuota(50);
    EntityRecord vm = vm("web-01", 1);
    assertEquals(40, storageUsed());
    int drives = count("VirtualDiskDrives");
    int disks = count("VirtualHardDisks");
    ServiceException refused = assertThrows(ServiceException.class, () -> add(vm));
    assertEquals("QuotaExceeded", refused.code());
    assertEquals(drives, count("VirtualDiskDrives"));
    assertEquals(disks, count("VirtualHardDisks"));
    assertEquals(40 * GB, vmNow(vm).get("TotalSize"));
    assertEquals(40, storageUsed());
    add(vm, "Size", 10 * GB);
    assertEquals(50, storageUsed(), "up to the quota");
  }

  @Test
  void removingADriveRemovesItsDiskAsAJobAndGivesTheStorageBack() {
    storageQuota(1000);
    EntityRecord vm = vm("web-01", 1);
    Change added = add(vm, "VirtualHardDiskId", LIBRARY);
    Object disk = drive(added).get("VirtualHardDiskId");
    assertEquals(80, storageUsed());
    Change removed = world.set("VirtualDiskDrives").delete(SUBSCRIPTION, added.entity().key(), false);
    assertEquals(removed.job(), vmNow(vm).get("MostRecentTaskId"));
    assertEquals("Remove-SCVirtualDiskDrive web-01", world.job(removed.job()).get("Name"));
    assertEquals("ResourceNotFound",
        code(() -> world.set("VirtualDiskDrives").read(SUBSCRIPTION, added.entity().key())));
    assertEquals("ResourceNotFound", code(() -> world.set("VirtualHardDisks").read(SUBSCRIPTION, VmmFixture.key(disk))),
        "its disk too");
    world.set("VirtualHardDisks").read(SUBSCRIPTION, VmmFixture.key(LIBRARY)); // not the source
    assertEquals(40 * GB, vmNow(vm).get("TotalSize"));
    assertEquals(40, storageUsed());
  }

  @Test
  void aFailedJobAddsNothing() {
    storageQuota(1000);
    EntityRecord vm = vm("web-01", 1);
    int drives = count("VirtualDiskDrives");
    int disks = count("VirtualHardDisks");
    world.vmm.failNextJobs("New-SCVirtualDiskDrive", 1, "HostUnreachable", "The host did not answer.");
    Change failed = add(vm, "VirtualHardDiskId", LIBRARY);
    assertEquals("Failed", world.job(failed.job()).get("Status"));
    assertEquals(failed.job(), vmNow(vm).get("MostRecentTaskId"));
    assertEquals(drives, count("VirtualDiskDrives"));
    assertEquals(disks, count("VirtualHardDisks"));
    assertEquals(40 * GB, vmNow(vm).get("TotalSize"));
    assertEquals(40, storageUsed());
  }

  @Test
  void aRolledBackChangeSetTakesBackAnAddAndGivesBackARemoval() {
    storageQuota(1000);
    EntityRecord vm = vm("web-01", 1);
    int drives = count("VirtualDiskDrives");
    int disks = count("VirtualHardDisks");
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      add(vm, "VirtualHardDiskId", LIBRARY);
      assertEquals(drives + 1, count("VirtualDiskDrives"));
      changes.rollback();
    }
    assertEquals(drives, count("VirtualDiskDrives"));
    assertEquals(disks, count("VirtualHardDisks"));
    assertEquals(40 * GB, vmNow(vm).get("TotalSize"));
    assertEquals(40, storageUsed());

    Change kept = add(vm, "VirtualHardDiskId", LIBRARY);
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      world.set("VirtualDiskDrives").delete(SUBSCRIPTION, kept.entity().key(), false);
      changes.rollback();
    }
    assertEquals(drives + 1, count("VirtualDiskDrives"));
    assertEquals(disks + 1, count("VirtualHardDisks"));
    assertEquals(80 * GB, vmNow(vm).get("TotalSize"));
    assertEquals(80, storageUsed());
  }

  @Test
  void aDriveOfATemplateIsOnlyStored() {
    Map<String, Object> drive = world.read("VirtualDiskDrives", world.set("VirtualDiskDrives").create(SUBSCRIPTION,
        world.payload("VirtualDiskDrives", "StampId", STAMP, "TemplateId", TEMPLATE, "Bus", 0, "LUN", 3), false)
        .entity().key());
    assertNull(drive.get("Path"));
    assertNull(drive.get("IDE"));
  }
}
