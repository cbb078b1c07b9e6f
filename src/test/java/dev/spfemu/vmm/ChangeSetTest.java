package dev.spfemu.vmm;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A change set takes back everything it changed, side effects included, and only what it changed. */
class ChangeSetTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");
  private final EntitySet checkpoints = world.set("VMCheckPoints");
  private final EntityRecord vm = world.createVm("web-01", false);

  @AfterEach
  void close() {
    world.close();
  }

  private EntityKey take(String name) {
    return checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", name, "StampId", STAMP,
        "VMId", vm.key().value(0)), false).entity().key();
  }

  @Test
  void aRollbackTakesBackCreatesChangesDeletesAndTheirJobs() {
    EntityKey kept = take("kept");
    int jobs = world.set("Jobs").list(SUBSCRIPTION).size();
    Map<String, Object> vmBefore = world.read("VirtualMachines", vm.key());

    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      take("created in the change set");
      vms.update(SUBSCRIPTION, vm.key(), world.payload("VirtualMachines", "Description", "changed"), false);
      checkpoints.delete(SUBSCRIPTION, kept, false);
      changes.rollback();
    }

    assertEquals(1, checkpoints.list(SUBSCRIPTION).size());
    assertEquals("kept", world.read("VMCheckPoints", kept).get("Name"));
    assertEquals(vmBefore, world.read("VirtualMachines", vm.key()), "the VM as it was, MostRecentTaskId included");
    assertEquals(jobs, world.set("Jobs").list(SUBSCRIPTION).size(), "the change set's jobs are gone too");
  }

  @Test
  void aRollbackPutsBackWhatADeleteTookWithIt() {
    take("of the VM");
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      vms.delete(SUBSCRIPTION, vm.key(), false);
      assertTrue(checkpoints.list(SUBSCRIPTION).isEmpty());
      changes.rollback();
    }
    assertEquals(1, vms.list(SUBSCRIPTION).size());
    assertEquals(1, checkpoints.list(SUBSCRIPTION).size());
  }

  @Test
  void aRollbackPutsBackTheCurrentCheckpoint() {
    take("a");
    EntityKey b = take("b");
    Object current = world.read("VMCheckPoints", b).get("CheckpointID");
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      checkpoints.delete(SUBSCRIPTION, b, false);
      changes.rollback();
    }
    assertEquals(current, world.read("VMCheckPoints", take("c")).get("ParentCheckpointID"));
  }

  @Test
  void aClosedChangeSetKeepsItsChangesAndRecordsNoMore() {
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      take("kept");
    }
    take("outside");
    assertEquals(2, checkpoints.list(SUBSCRIPTION).size());
  }

  @Test
  void anotherThreadsChangesAreNotTakenBack() throws Exception {
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      CompletableFuture.runAsync(() -> take("another request")).get();
      changes.rollback();
    }
    assertEquals(1, checkpoints.list(SUBSCRIPTION).size());
  }

  @Test
  void oneChangeSetAtATimePerThread() {
    try (ChangeSet open = world.vmm.beginChangeSet()) {
      assertThrows(IllegalStateException.class, world.vmm::beginChangeSet);
    }
  }
}
