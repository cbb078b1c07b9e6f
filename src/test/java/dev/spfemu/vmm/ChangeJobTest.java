package dev.spfemu.vmm;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.store.EntityKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every change through an entity set says which VMM job it started, so the protocol side can tell the client. */
class ChangeJobTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");
  private final EntitySet checkpoints = world.set("VMCheckPoints");

  @AfterEach
  void close() {
    world.close();
  }

  private Object value(Change change, String set, String property) {
    return change.entity().value(world.model.byEntitySet(set).property(property).index());
  }

  private Object mostRecentTask(EntityKey vm) {
    return world.read("VirtualMachines", vm).get("MostRecentTaskId");
  }

  @Test
  void vmChangesReportTheJobTheVmPointsAt() {
    Change created = vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", "web-01", "StampId", STAMP,
        "CloudId", VmmFixture.CLOUD), false);
    EntityKey vm = created.entity().key();
    assertNotNull(created.job());
    assertEquals(created.job(), mostRecentTask(vm));
    assertEquals("New-SCVirtualMachine", world.job(created.job()).get("CmdletName"));

    Change started = vms.update(SUBSCRIPTION, vm, world.payload("VirtualMachines", "Operation", "Start"), false);
    assertEquals(started.job(), mostRecentTask(vm));
    assertEquals("Start-SCVirtualMachine", world.job(started.job()).get("CmdletName"));
    assertEquals("Running", value(started, "VirtualMachines", "Status"), "the change holds the VM after its job");

    vms.update(SUBSCRIPTION, vm, world.payload("VirtualMachines", "Operation", "Stop"), false);
    Change deleted = vms.delete(SUBSCRIPTION, vm, false);
    assertEquals("Remove-SCVirtualMachine", world.job(deleted.job()).get("CmdletName"));
    assertEquals(vm, deleted.entity().key(), "a delete holds the entity as it was");
  }

  @Test
  void checkpointChangesReportTheJobOnTheirVm() {
    EntityKey vm = world.createVm("web-01", false).key();
    Change taken = checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", "cp", "StampId", STAMP,
        "VMId", vm.value(0)), false);
    assertEquals("New-SCVMCheckpoint", world.job(taken.job()).get("CmdletName"));
    assertEquals(taken.job(), mostRecentTask(vm));
    EntityKey checkpoint = taken.entity().key();

    Change restored = checkpoints.update(SUBSCRIPTION, checkpoint,
        world.payload("VMCheckPoints", "VMCheckPointAction", "Restore"), false);
    assertEquals("Restore-SCVMCheckpoint", world.job(restored.job()).get("CmdletName"));
    assertEquals(checkpoint, restored.entity().key());

    Change removed = checkpoints.delete(SUBSCRIPTION, checkpoint, false);
    assertEquals("Remove-SCVMCheckpoint", world.job(removed.job()).get("CmdletName"));
    assertEquals(removed.job(), mostRecentTask(vm));
  }

  @Test
  void networksSubnetsAndPoolsAreJobsToo() {
    String[][] sets = {{"VMNetworks", "VMNetwork"}, {"VMSubnets", "VMSubnet"},
        {"StaticIPAddressPools", "StaticIPAddressPool"}};
    for (String[] set : sets) {
      EntitySet entities = world.set(set[0]);
      Change created = entities.create(SUBSCRIPTION, world.payload(set[0], "Name", "n", "StampId", STAMP), false);
      assertEquals("New-SC" + set[1] + " n", world.job(created.job()).get("Name"));
      assertEquals(set[1], world.job(created.job()).get("TargetObjectType"));
      EntityKey key = created.entity().key();
      if (entities.type().entityMethods().contains("PUT")) {
        Change changed = entities.update(SUBSCRIPTION, key, world.payload(set[0], "Name", "m"), false);
        assertEquals("Set-SC" + set[1], world.job(changed.job()).get("CmdletName"));
        assertEquals("m", value(changed, set[0], "Name"));
      }
      Change deleted = entities.delete(SUBSCRIPTION, key, false);
      assertEquals("Remove-SC" + set[1], world.job(deleted.job()).get("CmdletName"));
      assertEquals("Completed", world.job(deleted.job()).get("Status"));
      assertTrue(entities.list(SUBSCRIPTION).isEmpty(), "gone once its delete job completed");
    }
  }

  @Test
  void plainStorageStartsNoJob() {
    EntitySet gateways = world.set("VMNetworkGateways");
    Change created = gateways.create(SUBSCRIPTION, world.payload("VMNetworkGateways", "Name", "gw", "StampId",
        STAMP), false);
    assertNull(created.job());
    EntityKey key = created.entity().key();
    Change changed = gateways.update(SUBSCRIPTION, key, world.payload("VMNetworkGateways", "Name", "gw2"), false);
    assertNull(changed.job());
    assertEquals("gw2", value(changed, "VMNetworkGateways", "Name"));
    assertNull(gateways.delete(SUBSCRIPTION, key, false).job());
  }
}
