package dev.spfemu.vmm.quota;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.store.EntityKey;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cloud's capacity holds the VMs of every subscription on it together. */
class CloudCapacityTest {

  private static final String OTHER = "3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c";

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");

  @AfterEach
  void close() {
    world.close();
  }

  /** The cloud's capacity as {@code SUBSCRIPTION} sees it: VMCount 3, CPUCount 8, the rest as given. */
  private void capacity(Long memoryMb, Boolean useMemoryMaximum) {
    world.set("CloudCapacities").create(SUBSCRIPTION, world.payload("CloudCapacities", "CloudId", CLOUD,
        "StampId", STAMP, "VMCount", 3L, "CPUCount", 8L, "MemoryMB", memoryMb, "UseMemoryMBMaximum", useMemoryMaximum,
        "StorageGB", null), false);
  }

  private EntityKey create(String subscription, UUID cloud, int cpu, int memory) {
    return vms.create(subscription, world.payload("VirtualMachines", "Name", "vm", "StampId", STAMP, "CloudId", cloud,
        "CPUCount", cpu, "Memory", memory), false).entity().key();
  }

  @Test
  void theVmsOfEverySubscriptionShareTheCapacity() {
    capacity(null, null);
    create(OTHER, CLOUD, 4, 1024);
    create(SUBSCRIPTION, CLOUD, 2, 1024);
    ServiceException refused = assertThrows(ServiceException.class, () -> create(SUBSCRIPTION, CLOUD, 4, 1024));
    assertEquals(400, refused.status());
    assertEquals("CloudCapacityExceeded", refused.code());
    assertTrue(refused.getMessage().contains("capacity of 8 CPU cores (CPUCount)"), refused.getMessage());
    assertTrue(refused.getMessage().contains("use 6; this request needs 4 more"), refused.getMessage());
    assertEquals(1, vms.list(SUBSCRIPTION).size(), "the refused VM is not stored");
    create(SUBSCRIPTION, CLOUD, 2, 1024);
    assertEquals("CloudCapacityExceeded", assertThrows(ServiceException.class,
        () -> create(SUBSCRIPTION, CLOUD, 0, 1024)).code(), "three VMs fill the VMCount");
  }

  @Test
  void theVmsOfOtherCloudsDoNotCount() {
    capacity(null, null);
    for (int i = 0; i < 4; i++) {
      create(SUBSCRIPTION, UUID.randomUUID(), 8, 1024);
    }
    create(SUBSCRIPTION, CLOUD, 8, 1024);
    assertEquals(5, vms.list(SUBSCRIPTION).size());
  }

  @Test
  void aNullValueOrAUseMaximumFlagIsNoLimit() {
    capacity(1024L, true);
    EntityKey vm = create(SUBSCRIPTION, CLOUD, 1, 4096); // MemoryMB 1024, but UseMemoryMBMaximum; StorageGB null
    assertEquals(4096, world.read("VirtualMachines", vm).get("Memory"));
  }

  @Test
  void aValueWithoutItsFlagIsALimit() {
    capacity(1024L, null);
    assertEquals("CloudCapacityExceeded", assertThrows(ServiceException.class,
        () -> create(SUBSCRIPTION, CLOUD, 1, 1025)).code());
  }

  @Test
  void aChangeBeyondTheCapacityIsRefusedAndOneThatShrinksIsNot() {
    capacity(4096L, false);
    EntityKey vm = create(SUBSCRIPTION, CLOUD, 4, 2048);
    create(OTHER, CLOUD, 2, 2048);
    ServiceException refused = assertThrows(ServiceException.class, () -> vms.update(SUBSCRIPTION, vm,
        world.payload("VirtualMachines", "CPUCount", 7), false));
    assertTrue(refused.getMessage().contains("use 6; this request needs 3 more"), refused.getMessage());
    assertEquals(4, world.read("VirtualMachines", vm).get("CPUCount"));
    vms.update(SUBSCRIPTION, vm, world.payload("VirtualMachines", "CPUCount", 6, "Memory", 1024), false);
    assertEquals(6, world.read("VirtualMachines", vm).get("CPUCount"));
  }

  @Test
  void aCloudAlreadyOverItsCapacityStillLetsVmsShrink() {
    create(SUBSCRIPTION, CLOUD, 8, 1024);
    EntityKey vm = create(SUBSCRIPTION, CLOUD, 8, 1024);
    capacity(null, null); // 16 CPUs in use, 8 allowed (a world file may say so)
    vms.update(SUBSCRIPTION, vm, world.payload("VirtualMachines", "CPUCount", 4), false);
    assertEquals(4, world.read("VirtualMachines", vm).get("CPUCount"));
  }
}
