package dev.spfemu.vmm.checkpoint;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checkpoint trees through the domain alone: parents, restore, re-parenting, references. */
class CheckpointBehaviourTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet checkpoints = world.set("VMCheckPoints");
  private final EntitySet vms = world.set("VirtualMachines");
  private final EntityRecord vm = world.createVm("web-01", true);

  @AfterEach
  void close() {
    world.close();
  }

  private EntityKey take(String name) {
    return checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", name, "StampId", STAMP,
        "VMId", vm.key().value(0)), false).entity().key();
  }

  private Map<String, Object> checkpoint(EntityKey key) {
    return world.read("VMCheckPoints", key);
  }

  @Test
  void eachNewCheckpointHangsUnderTheCurrentOne() {
    EntityKey first = take("first");
    EntityKey second = take("second");

    UUID firstId = (UUID) checkpoint(first).get("CheckpointID");
    assertNotNull(firstId, "the create job assigned the CheckpointID");
    assertNull(checkpoint(first).get("ParentCheckpointID"), "the first one is the root");
    assertEquals(firstId, checkpoint(second).get("ParentCheckpointID"));
    assertEquals("Public", checkpoint(first).get("Accessibility"));
    assertEquals("New-SCVMCheckpoint", world.job(world.read("VirtualMachines", vm.key()).get("MostRecentTaskId"))
        .get("CmdletName"));
  }

  @Test
  void restoringBringsBackTheStateOfThenAndMakesItCurrent() {
    EntityKey running = take("while running");
    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Operation", "Stop"), false);
    take("while stopped");
    assertEquals("PowerOff", world.read("VirtualMachines", vm.key()).get("Status"));

    checkpoints.update(SUBSCRIPTION, running, world.payload("VMCheckPoints", "VMCheckPointAction", "Restore"), false);

    Map<String, Object> restored = world.read("VirtualMachines", vm.key());
    Object runningId = checkpoint(running).get("CheckpointID");
    assertEquals("Running", restored.get("Status"));
    assertEquals(runningId, restored.get("LastRestoredCheckpointId"));
    assertNull(checkpoint(running).get("VMCheckPointAction"), "an action, not state");
    assertEquals(runningId, checkpoint(take("after restore")).get("ParentCheckpointID"));
  }

  @Test
  void deletingACheckpointGivesItsChildrenItsParent() {
    EntityKey root = take("root");
    EntityKey middle = take("middle");
    EntityKey leaf = take("leaf");

    checkpoints.delete(SUBSCRIPTION, middle, false);

    assertEquals(checkpoint(root).get("CheckpointID"), checkpoint(leaf).get("ParentCheckpointID"));
    assertEquals(2, checkpoints.list(SUBSCRIPTION).size());
  }

  @Test
  void deletingTheCurrentCheckpointMakesItsParentCurrent() {
    EntityKey root = take("root");
    EntityKey current = take("current");
    checkpoints.delete(SUBSCRIPTION, current, false);

    assertEquals(checkpoint(root).get("CheckpointID"), checkpoint(take("next")).get("ParentCheckpointID"));
  }

  @Test
  void aCheckpointOfAVmThatIsNotThereIsRefused() {
    UUID nowhere = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    ServiceException refused = assertThrows(ServiceException.class, () -> checkpoints.create(SUBSCRIPTION,
        world.payload("VMCheckPoints", "Name", "x", "StampId", STAMP, "VMId", nowhere), false));
    assertEquals(404, refused.status());
    assertEquals("ReferencedEntityNotFound", refused.code());
    assertTrue(checkpoints.list(SUBSCRIPTION).isEmpty(), "nothing stored");
  }

  @Test
  void aCheckpointMayNameTheVmByItsHypervisorId() {
    UUID hypervisorId = UUID.fromString("11111111-2222-3333-4444-555555555555");
    vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "VMId", hypervisorId), false);

    EntityKey key = checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", "by VMId",
        "StampId", STAMP, "VMId", hypervisorId), false).entity().key();

    assertNotNull(checkpoint(key).get("CheckpointID"));
  }

  @Test
  void aRestoreBeforeTheCreateJobCompletedIsRefused() {
    try (VmmFixture slow = new VmmFixture(Duration.ofMinutes(1))) {
      EntityRecord slowVm = slow.vmm.set("VirtualMachines").create(SUBSCRIPTION, slow.payload("VirtualMachines",
          "Name", "slow", "StampId", STAMP, "CloudId", VmmFixture.CLOUD), true).entity();
      EntitySet slowCheckpoints = slow.vmm.set("VMCheckPoints");
      EntityKey pending = slowCheckpoints.create(SUBSCRIPTION, slow.payload("VMCheckPoints", "Name", "pending",
          "StampId", STAMP, "VMId", slowVm.key().value(0), "RunAsynchronously", true), false).entity().key();

      ServiceException refused = assertThrows(ServiceException.class, () -> slowCheckpoints.update(SUBSCRIPTION,
          pending, slow.payload("VMCheckPoints", "VMCheckPointAction", "Restore"), false));
      assertEquals("InvalidOperationForState", refused.code());
      assertTrue(refused.getMessage().contains("still being created"), refused.getMessage());
    }
  }

  @Test
  void anUnknownActionIsRefused() {
    EntityKey key = take("c");
    ServiceException refused = assertThrows(ServiceException.class, () -> checkpoints.update(SUBSCRIPTION, key,
        world.payload("VMCheckPoints", "VMCheckPointAction", "Merge"), false));
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().contains("Use Restore, Set"), refused.getMessage());
  }
}
