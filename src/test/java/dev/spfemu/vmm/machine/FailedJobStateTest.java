package dev.spfemu.vmm.machine;

import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A VM whose job failed, as VMM shows it: "Creation Failed" or "Update Failed", and what may follow. */
class FailedJobStateTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aFailedCreationJobLeavesTheVmCreationFailed() {
    world.vmm.failNextJobs("New-SCVirtualMachine", 1, "HostUnreachable", "The host did not answer.");
    EntityRecord vm = world.createVm("web-01", true);

    Map<String, Object> read = world.read("VirtualMachines", vm.key());
    assertEquals("CreationFailed", read.get("Status"));
    assertEquals("Creation Failed", read.get("StatusString"));
    assertEquals("PowerOff", read.get("VirtualMachineState"), "it never ran");
    assertEquals("Failed", world.job(read.get("MostRecentTaskId")).get("Status"));
  }

  @Test
  void aCreationFailedVmRefusesStartAndRepairButMayBeDeleted() {
    world.vmm.failNextJobs("New-SCVirtualMachine", 1, "X", "x");
    EntityRecord vm = world.createVm("web-01", false);

    for (String operation : new String[] {"Start", "Repair"}) {
      ServiceException refused = assertThrows(ServiceException.class, () -> vms.update(SUBSCRIPTION, vm.key(),
          world.payload("VirtualMachines", "Operation", operation), false));
      assertEquals(400, refused.status());
      assertEquals("InvalidOperationForState", refused.code());
      assertTrue(refused.getMessage().contains("it is CreationFailed"), refused.getMessage());
    }
    vms.delete(SUBSCRIPTION, vm.key(), false);
    assertTrue(vms.list(SUBSCRIPTION).isEmpty());
  }

  @Test
  void aFailedChangeJobLeavesTheVmUpdateFailedUntilARepair() {
    EntityRecord vm = world.createVm("web-01", true);
    world.vmm.failNextJobs("Set-SCVirtualMachine", 1, "HostUnreachable", "The host did not answer.");
    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Description", "front end"), false);

    Map<String, Object> failed = world.read("VirtualMachines", vm.key());
    assertEquals("UpdateFailed", failed.get("Status"));
    assertEquals("Update Failed", failed.get("StatusString"));
    assertEquals("Running", failed.get("VirtualMachineState"), "the power state stays as it was");
    assertEquals("Failed", world.job(failed.get("MostRecentTaskId")).get("Status"));
    ServiceException refused = assertThrows(ServiceException.class, () -> vms.update(SUBSCRIPTION, vm.key(),
        world.payload("VirtualMachines", "Operation", "Stop"), false));
    assertEquals("InvalidOperationForState", refused.code());

    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Operation", "Repair"), false);
    Map<String, Object> repaired = world.read("VirtualMachines", vm.key());
    assertEquals("Running", repaired.get("Status"));
    assertEquals("Running", repaired.get("StatusString"));
    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Operation", "Stop"), false);
    assertEquals("PowerOff", world.read("VirtualMachines", vm.key()).get("Status"));
  }

  @Test
  void aFailedPowerOperationLeavesTheStateSoTheClientMayTryAgain() {
    EntityRecord vm = world.createVm("web-01", false);
    world.vmm.failNextJobs("Start-SCVirtualMachine", 1, "X", "x");
    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Operation", "Start"), false);
    assertEquals("Stopped", world.read("VirtualMachines", vm.key()).get("StatusString"));
    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Operation", "Start"), false);
    assertEquals("Running", world.read("VirtualMachines", vm.key()).get("StatusString"));
  }
}
