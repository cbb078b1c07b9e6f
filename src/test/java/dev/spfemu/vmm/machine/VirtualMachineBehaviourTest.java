package dev.spfemu.vmm.machine;

import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Virtual machines through the domain alone: state changes, jobs and the rules VMM enforces. */
class VirtualMachineBehaviourTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aNewVmIsStoppedOrRunningAsAskedWithItsCreateJob() {
    EntityRecord stopped = world.createVm("web-01", false);
    EntityRecord running = world.createVm("web-02", true);

    Map<String, Object> web01 = world.read("VirtualMachines", stopped.key());
    assertEquals("PowerOff", web01.get("Status"));
    assertEquals("PowerOff", web01.get("VirtualMachineState"));
    assertEquals("Stopped", web01.get("StatusString"));
    assertEquals("Running", world.read("VirtualMachines", running.key()).get("Status"));
    Map<String, Object> job = world.job(web01.get("MostRecentTaskId"));
    assertEquals("New-SCVirtualMachine web-01", job.get("Name"));
    assertEquals("Completed", job.get("Status"));
    assertEquals(web01.get("ID"), job.get("TargetObjectID"));
    assertEquals(web01.get("AddedTime"), web01.get("ModifiedTime"));
  }

  @Test
  void aNewVmsCreationTimeIsWhenItWasAdded() {
    world.clock.fix(java.time.Instant.parse("2026-01-05T09:10:00Z"));
    Map<String, Object> vm = world.read("VirtualMachines", world.createVm("web-01", false).key());
    assertEquals(java.time.OffsetDateTime.parse("2026-01-05T09:10:00Z"), vm.get("CreationTime"));
    assertEquals(vm.get("AddedTime"), vm.get("CreationTime"));
  }

  @Test
  void anOperationChangesTheStateThroughAJobAndIsNotStored() {
    EntityRecord vm = world.createVm("web-01", false);
    Object createJob = world.read("VirtualMachines", vm.key()).get("MostRecentTaskId");

    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Operation", "Start"), false);

    Map<String, Object> after = world.read("VirtualMachines", vm.key());
    assertEquals("Running", after.get("Status"));
    assertNull(after.get("Operation"), "Operation is an input, never state");
    assertNotEquals(createJob, after.get("MostRecentTaskId"));
    assertEquals("Start-SCVirtualMachine", world.job(after.get("MostRecentTaskId")).get("CmdletName"));
  }

  @Test
  void aChangeWithoutAnOperationIsASetJob() {
    EntityRecord vm = world.createVm("web-01", false);
    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Description", "front end"), false);

    Map<String, Object> after = world.read("VirtualMachines", vm.key());
    assertEquals("front end", after.get("Description"));
    assertEquals("PowerOff", after.get("Status"));
    assertEquals("Set-SCVirtualMachine", world.job(after.get("MostRecentTaskId")).get("CmdletName"));
  }

  @Test
  void anOperationTheStateDoesNotAllowIsRefusedAndChangesNothing() {
    EntityRecord vm = world.createVm("web-01", false);
    ServiceException refused = assertThrows(ServiceException.class, () -> vms.update(SUBSCRIPTION, vm.key(),
        world.payload("VirtualMachines", "Operation", "Suspend", "Description", "x"), false));

    assertEquals(400, refused.status());
    assertEquals("InvalidOperationForState", refused.code());
    assertTrue(refused.getMessage().contains("'web-01': it is PowerOff"), refused.getMessage());
    assertNull(world.read("VirtualMachines", vm.key()).get("Description"));
  }

  @Test
  void anUnknownOperationIsRefusedWithTheList() {
    EntityRecord vm = world.createVm("web-01", false);
    ServiceException refused = assertThrows(ServiceException.class, () -> vms.update(SUBSCRIPTION, vm.key(),
        world.payload("VirtualMachines", "Operation", "Hibernate"), false));
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().contains("Use one of: Start, Stop"), refused.getMessage());
  }

  @Test
  void aRunningVmCannotBeDeleted() {
    EntityRecord vm = world.createVm("web-01", true);
    ServiceException refused = assertThrows(ServiceException.class, () -> vms.delete(SUBSCRIPTION, vm.key(), false));
    assertEquals("InvalidOperationForState", refused.code());
    assertEquals("Running", world.read("VirtualMachines", vm.key()).get("Status"));
  }

  @Test
  void deletingAVmTakesItsCheckpointsWithIt() {
    EntityRecord vm = world.createVm("web-01", false);
    EntityRecord other = world.createVm("web-02", false);
    EntitySet checkpoints = world.set("VMCheckPoints");
    checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", "c1", "StampId", VmmFixture.STAMP,
        "VMId", vm.key().value(0)), false);
    checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", "keep", "StampId", VmmFixture.STAMP,
        "VMId", other.key().value(0)), false);

    vms.delete(SUBSCRIPTION, vm.key(), false);

    assertTrue(vms.list(SUBSCRIPTION).stream().noneMatch(r -> r.key().equals(vm.key())));
    assertEquals(1, checkpoints.list(SUBSCRIPTION).size(), "only the other VM's checkpoint is left");
  }
}
