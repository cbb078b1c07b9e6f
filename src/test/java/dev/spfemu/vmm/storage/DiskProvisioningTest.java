package dev.spfemu.vmm.storage;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.ChangeSet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A VM made from a template or a virtual hard disk gets disks of its own, their drives, a DVD drive
 * and (on SCSI) a SCSI adapter when its creation job completes, and its TotalSize from the create on;
 * they go with the VM and with a rolled-back change set.
 */
class DiskProvisioningTest {

  private static final UUID TEMPLATE = UUID.fromString("00000000-0000-4000-8000-000000000301");
  private static final UUID PROFILE = UUID.fromString("00000000-0000-4000-8000-000000000201");
  private static final UUID SOURCE = UUID.fromString("00000000-0000-4000-8000-000000000734");
  private static final UUID DATA = UUID.fromString("00000000-0000-4000-8000-000000000737");
  private static final UUID LOGS = UUID.fromString("00000000-0000-4000-8000-000000000738");
  private static final long GB = 1L << 30;
  private static final List<String> VM_STORAGE = List.of("VirtualHardDisks", "VirtualDiskDrives", "VirtualDVDDrives",
      "VirtualSCSIAdapters");

  private VmmFixture world = new VmmFixture(Duration.ZERO);

  @AfterEach
  void close() {
    world.close();
  }

  private void disk(UUID id, String name, long maximum, long size, Object... more) {
    Object[] values = new Object[16 + more.length];
    System.arraycopy(new Object[] {"ID", id, "StampId", STAMP, "Name", name, "MaximumSize", maximum, "Size", size,
        "VHDType", "DynamicallyExpanding", "OperatingSystem", "Windows Server 2012 R2 Datacenter",
        "FamilyName", "WS2012R2"}, 0, values, 0, 16);
    System.arraycopy(more, 0, values, 16, more.length);
    world.set("VirtualHardDisks").create(SUBSCRIPTION, world.payload("VirtualHardDisks", values), false);
  }

  private void template(Object... more) {
    Object[] values = new Object[6 + more.length];
    System.arraycopy(new Object[] {"ID", TEMPLATE, "StampId", STAMP, "Name", "ws2012r2"}, 0, values, 0, 6);
    System.arraycopy(more, 0, values, 6, more.length);
    world.set("VMTemplates").create(SUBSCRIPTION, world.payload("VMTemplates", values), false);
  }

  private EntityRecord vm(String name, Object... more) {
    Object[] values = new Object[6 + more.length];
    System.arraycopy(new Object[] {"Name", name, "StampId", STAMP, "CloudId", CLOUD}, 0, values, 0, 6);
    System.arraycopy(more, 0, values, 6, more.length);
    return world.set("VirtualMachines").create(SUBSCRIPTION, world.payload("VirtualMachines", values), false).entity();
  }

  /** The entities of {@code set} whose VMId is the VM's, by property name, ordered by Bus and LUN where they have them. */
  private List<Map<String, Object>> of(String set, EntityRecord vm) {
    List<Map<String, Object>> found = new ArrayList<>();
    for (EntityRecord each : world.set(set).list(SUBSCRIPTION)) {
      Map<String, Object> values = world.read(set, each.key());
      if (vm.key().value(0).equals(values.get("VMId"))) {
        found.add(values);
      }
    }
    found.sort(Comparator.comparing((Map<String, Object> v) -> String.valueOf(v.get("SCSI")))
        .thenComparing(v -> String.valueOf(v.get("Bus"))).thenComparing(v -> String.valueOf(v.get("LUN"))));
    return found;
  }

  private Map<String, Object> read(EntityRecord vm) {
    return world.read("VirtualMachines", vm.key());
  }

  @Test
  void aVmFromATemplateGetsADiskOfItsOwnInAnIdeDriveAndADvdDrive() {
    disk(SOURCE, "WS2012R2-Datacenter.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE, "Generation", 1);
    EntityRecord vm = vm("web-01", "VMTemplateId", TEMPLATE);

    List<Map<String, Object>> disks = of("VirtualHardDisks", vm);
    assertEquals(1, disks.size());
    Map<String, Object> disk = disks.get(0);
    assertNotEquals(SOURCE, disk.get("ID"), "a new disk");
    assertEquals(STAMP, disk.get("StampId"));
    assertEquals("web-01.vhdx", disk.get("Name"));
    assertEquals(SOURCE, disk.get("ParentDiskId"));
    assertEquals(40 * GB, disk.get("MaximumSize"));
    assertEquals(9 * GB, disk.get("Size"));
    assertEquals("DynamicallyExpanding", disk.get("VHDType"));
    assertEquals("Windows Server 2012 R2 Datacenter", disk.get("OperatingSystem"));
    assertEquals(CLOUD, disk.get("CloudId"));
    assertEquals(true, disk.get("Enabled"));
    assertEquals(VmmFixture.START, ((OffsetDateTime) disk.get("AddedTime")).toInstant(), "made now");

    List<Map<String, Object>> drives = of("VirtualDiskDrives", vm);
    assertEquals(1, drives.size());
    Map<String, Object> drive = drives.get(0);
    assertEquals(disk.get("ID"), drive.get("VirtualHardDiskId"));
    assertEquals(0, drive.get("Bus"));
    assertEquals(0, drive.get("LUN"));
    assertEquals(true, drive.get("IDE"));
    assertEquals(false, drive.get("SCSI"));
    assertEquals("IDE", drive.get("BusType"));
    assertEquals(9 * GB, drive.get("Size"));
    assertEquals("web-01 disk 0", drive.get("Name"));
    assertEquals("BootAndSystem", drive.get("VolumeType"));
    assertEquals("C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\web-01\\web-01.vhdx", drive.get("Path"),
        "the VM has no Path: Hyper-V's default folder");

    List<Map<String, Object>> dvds = of("VirtualDVDDrives", vm);
    assertEquals(1, dvds.size());
    assertEquals(1, dvds.get(0).get("Bus"));
    assertTrue(of("VirtualSCSIAdapters", vm).isEmpty(), "no SCSI drive on generation 1");
    assertEquals(40 * GB, read(vm).get("TotalSize"));

    Map<String, Object> source = world.read("VirtualHardDisks", VmmFixture.key(SOURCE));
    assertEquals(null, source.get("VMId"), "the template's disk stays the library's");
  }

  @Test
  void aGeneration2VmHasItsDiskOnScsiAndASCSIAdapter() {
    disk(SOURCE, "WS2012R2-Datacenter.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE, "Generation", 2);
    EntityRecord vm = vm("web-02", "VMTemplateId", TEMPLATE);
    Map<String, Object> drive = of("VirtualDiskDrives", vm).get(0);
    assertEquals(true, drive.get("SCSI"));
    assertEquals(false, drive.get("IDE"));
    assertEquals("SCSI", drive.get("BusType"));
    List<Map<String, Object>> adapters = of("VirtualSCSIAdapters", vm);
    assertEquals(1, adapters.size());
    assertEquals(0, adapters.get(0).get("AdapterID"));
    assertEquals(STAMP, adapters.get(0).get("StampId"));
    assertEquals(1, of("VirtualDVDDrives", vm).size());
  }

  @Test
  void aVmFromAVirtualHardDiskAndAProfileGetsThatDisk() {
    disk(SOURCE, "ubuntu.vhd", 30 * GB, 3 * GB);
    world.set("HardwareProfiles").create(SUBSCRIPTION, world.payload("HardwareProfiles", "ID", PROFILE,
        "StampId", STAMP, "Name", "Small", "CPUCount", 1, "Memory", 2048, "Generation", 1), false);
    EntityRecord vm = vm("dev-01", "VirtualHardDiskId", SOURCE, "HardwareProfileId", PROFILE,
        "Path", "D:\\VMs\\dev-01");
    List<Map<String, Object>> disks = of("VirtualHardDisks", vm);
    assertEquals(1, disks.size());
    assertEquals("dev-01.vhd", disks.get(0).get("Name"), "the source's format");
    assertEquals("D:\\VMs\\dev-01\\dev-01.vhd", of("VirtualDiskDrives", vm).get(0).get("Path"), "in the VM's Path");
    assertEquals(SOURCE, disks.get(0).get("ParentDiskId"));
    assertEquals(true, of("VirtualDiskDrives", vm).get(0).get("IDE"));
    assertEquals(30 * GB, read(vm).get("TotalSize"));
  }

  @Test
  void theTemplatesDrivesAndDisksBecomeTheVmsToo() {
    disk(SOURCE, "os.vhdx", 40 * GB, 9 * GB);
    disk(DATA, "data.vhdx", 100 * GB, 1 * GB);
    disk(LOGS, "logs.vhdx", 10 * GB, 1 * GB, "TemplateId", TEMPLATE);
    template("VirtualHardDiskId", SOURCE, "Generation", 1);
    world.set("VirtualDiskDrives").create(SUBSCRIPTION, world.payload("VirtualDiskDrives", "StampId", STAMP,
        "TemplateId", TEMPLATE, "VirtualHardDiskId", DATA, "Bus", 0, "LUN", 3, "SCSI", true, "IDE", false,
        "VolumeType", "None"), false);
    EntityRecord vm = vm("sql-01", "VMTemplateId", TEMPLATE);

    List<Map<String, Object>> disks = of("VirtualHardDisks", vm);
    assertEquals(3, disks.size());
    List<Object> parents = disks.stream().map(d -> d.get("ParentDiskId")).toList();
    assertTrue(parents.containsAll(List.of(SOURCE, DATA, LOGS)), parents.toString());
    List<Map<String, Object>> drives = of("VirtualDiskDrives", vm); // IDE first, then SCSI by bus and LUN
    assertEquals(3, drives.size());
    assertEquals(true, drives.get(0).get("IDE"), "the template's own disk boots from IDE 0:0");
    assertEquals(diskMadeFrom(disks, SOURCE), drives.get(0).get("VirtualHardDiskId"));
    assertEquals(0, drives.get(1).get("LUN"), "a further disk on the first free SCSI LUN");
    assertEquals(diskMadeFrom(disks, LOGS), drives.get(1).get("VirtualHardDiskId"));
    assertEquals(3, drives.get(2).get("LUN"), "where the template's drive puts it");
    assertEquals(diskMadeFrom(disks, DATA), drives.get(2).get("VirtualHardDiskId"));
    assertEquals(1, of("VirtualSCSIAdapters", vm).size(), "a SCSI drive needs a SCSI adapter");
    assertEquals(150 * GB, read(vm).get("TotalSize"));
  }

  private static Object diskMadeFrom(List<Map<String, Object>> disks, UUID source) {
    return disks.stream().filter(d -> source.equals(d.get("ParentDiskId"))).findFirst().orElseThrow().get("ID");
  }

  @Test
  void aTemplateWithoutDisksGivesItsCapacityAsTotalSize() {
    template("TotalVHDCapacity", 42 * GB);
    EntityRecord vm = vm("web-01", "VMTemplateId", TEMPLATE);
    assertEquals(42 * GB, read(vm).get("TotalSize"));
    assertTrue(of("VirtualHardDisks", vm).isEmpty());
    assertTrue(of("VirtualDiskDrives", vm).isEmpty());
    assertEquals(1, of("VirtualDVDDrives", vm).size());
  }

  @Test
  void aVmFromNothingHasADvdDriveAndNoStorage() {
    EntityRecord vm = world.createVm("bare", false);
    assertEquals(0L, read(vm).get("TotalSize"));
    assertTrue(of("VirtualHardDisks", vm).isEmpty());
    assertEquals(1, of("VirtualDVDDrives", vm).size());
  }

  @Test
  void aTotalSizeTheCreateSentIsKept() {
    disk(SOURCE, "os.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE);
    EntityRecord vm = vm("web-01", "VMTemplateId", TEMPLATE, "TotalSize", 5 * GB);
    assertEquals(5 * GB, read(vm).get("TotalSize"));
    assertEquals(1, of("VirtualHardDisks", vm).size());
  }

  @Test
  void theTotalSizeIsThereFromTheCreateAndTheDisksWhenTheJobCompletes() {
    world.close();
    world = new VmmFixture(Duration.ofSeconds(10));
    disk(SOURCE, "os.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE);
    EntityRecord vm = world.set("VirtualMachines").create(SUBSCRIPTION, world.payload("VirtualMachines", "Name",
        "web-01", "StampId", STAMP, "CloudId", CLOUD, "VMTemplateId", TEMPLATE), true).entity();
    assertEquals(40 * GB, vm.value(world.model.byEntitySet("VirtualMachines").property("TotalSize").index()),
        "in the create's answer");
    assertEquals("Creating...", read(vm).get("StatusString"));
    VM_STORAGE.forEach(set -> assertTrue(of(set, vm).isEmpty(), set + " while the job runs"));
    world.clock.advance(Duration.ofSeconds(10));
    world.vmm.catchUpJobs();
    assertEquals(1, of("VirtualHardDisks", vm).size());
    assertEquals(1, of("VirtualDVDDrives", vm).size());
  }

  @Test
  void aFailedCreationJobMakesNoStorage() {
    disk(SOURCE, "os.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE, "Generation", 2);
    world.vmm.failNextJobs("New-SCVirtualMachine", 1, "HostUnreachable", "The host did not answer.");
    EntityRecord vm = vm("web-01", "VMTemplateId", TEMPLATE);
    assertEquals("Creation Failed", read(vm).get("StatusString"));
    VM_STORAGE.forEach(set -> assertTrue(of(set, vm).isEmpty(), set));
  }

  @Test
  void aFullAddressPoolFailsTheJobBeforeAnyDiskIsMade() {
    UUID network = (UUID) world.set("VMNetworks").create(SUBSCRIPTION, world.payload("VMNetworks", "Name", "web",
        "StampId", STAMP), false).entity().key().value(0);
    UUID subnet = (UUID) world.set("VMSubnets").create(SUBSCRIPTION, world.payload("VMSubnets", "Name", "web-sub",
        "StampId", STAMP, "VMNetworkId", network, "Subnet", "10.0.0.0/24"), false).entity().key().value(0);
    world.set("StaticIPAddressPools").create(SUBSCRIPTION, world.payload("StaticIPAddressPools", "Name", "one",
        "StampId", STAMP, "VMSubnetId", subnet, "IPAddressRangeStart", "10.0.0.10", "IPAddressRangeEnd", "10.0.0.10"),
        false);
    disk(SOURCE, "os.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE);
    world.set("VirtualNetworkAdapters").create(SUBSCRIPTION, world.payload("VirtualNetworkAdapters", "StampId", STAMP,
        "TemplateId", TEMPLATE, "VMNetworkId", network, "SlotId", 0), false);
    EntityRecord first = vm("web-01", "VMTemplateId", TEMPLATE);
    assertEquals(1, of("VirtualHardDisks", first).size());
    EntityRecord second = vm("web-02", "VMTemplateId", TEMPLATE);
    assertEquals("Creation Failed", read(second).get("StatusString"), "the pool had one address");
    VM_STORAGE.forEach(set -> assertTrue(of(set, second).isEmpty(), set));
  }

  @Test
  void deletingAVmDeletesItsDisksDrivesAndAdapters() {
    disk(SOURCE, "os.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE, "Generation", 2);
    EntityRecord vm = vm("web-01", "VMTemplateId", TEMPLATE);
    EntityRecord other = vm("web-02", "VMTemplateId", TEMPLATE);
    VM_STORAGE.forEach(set -> assertEquals(1, of(set, vm).size(), set));
    world.set("VirtualMachines").delete(SUBSCRIPTION, vm.key(), false);
    VM_STORAGE.forEach(set -> assertTrue(of(set, vm).isEmpty(), set));
    VM_STORAGE.forEach(set -> assertEquals(1, of(set, other).size(), "the other VM's " + set + " stay"));
    world.read("VirtualHardDisks", VmmFixture.key(SOURCE)); // the template's disk stays
  }

  @Test
  void aRolledBackChangeSetTakesBackTheStorageOfACreateAndGivesBackThatOfADelete() {
    disk(SOURCE, "os.vhdx", 40 * GB, 9 * GB);
    template("VirtualHardDiskId", SOURCE, "Generation", 2);
    EntityRecord created;
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      created = vm("web-01", "VMTemplateId", TEMPLATE);
      VM_STORAGE.forEach(set -> assertEquals(1, of(set, created).size(), set));
      changes.rollback();
    }
    VM_STORAGE.forEach(set -> assertTrue(of(set, created).isEmpty(), set + " taken back"));
    assertEquals(1, world.set("VirtualHardDisks").list(SUBSCRIPTION).size(), "only the template's disk");

    EntityRecord kept = vm("web-02", "VMTemplateId", TEMPLATE);
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      world.set("VirtualMachines").delete(SUBSCRIPTION, kept.key(), false);
      changes.rollback();
    }
    VM_STORAGE.forEach(set -> assertEquals(1, of(set, kept).size(), set + " given back"));
  }
}
