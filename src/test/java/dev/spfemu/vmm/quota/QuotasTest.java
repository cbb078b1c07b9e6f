package dev.spfemu.vmm.quota;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.store.EntityKey;
import dev.spfemu.vmm.ChangeSet;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user role's quota on a cloud: every VM create, hardware change and delete moves the role's
 * usage, and one beyond the quota is refused before anything is stored.
 */
class QuotasTest {

  private static final long GB = 1L << 30;
  static final UUID ROLE = UUID.fromString(SUBSCRIPTION); // as WAP makes it: the subscription's ID

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");

  QuotasTest() {
    world.set("UserRoles").create(SUBSCRIPTION, world.payload("UserRoles", "ID", ROLE, "Name", "Tenant"), false);
  }

  @AfterEach
  void close() {
    world.close();
  }

  /** Gives the role these quotas on the cloud (null: a component without RoleQuota). */
  private void quotas(Long vmCount, Long cpuCount, Long memoryMb, Long storageGb) {
    quota(SUBSCRIPTION, ROLE, "VMCount", vmCount);
    quota(SUBSCRIPTION, ROLE, "CPUCount", cpuCount);
    quota(SUBSCRIPTION, ROLE, "MemoryMB", memoryMb);
    quota(SUBSCRIPTION, ROLE, "StorageGB", storageGb);
  }

  void quota(String subscription, UUID role, String dimension, Long quota) {
    world.set("QuotaAndUsageComponents").create(subscription, world.payload("QuotaAndUsageComponents",
        "ID", CLOUD, "StampId", STAMP, "UserRoleID", role, "QuotaDimension", dimension, "RoleQuota", quota,
        "UseRoleQuotaMaximum", false, "RoleUsage", 0L), false);
  }

  private long usage(String dimension) {
    return usage(SUBSCRIPTION, ROLE, dimension);
  }

  long usage(String subscription, UUID role, String dimension) {
    Object used = world.set("QuotaAndUsageComponents").read(subscription, EntityKey.of(CLOUD, STAMP, role, dimension))
        .value(world.model.byEntitySet("QuotaAndUsageComponents").property("RoleUsage").index());
    return (Long) used;
  }

  private List<Long> usage() {
    List<Long> all = new ArrayList<>();
    for (String dimension : List.of("VMCount", "CPUCount", "MemoryMB", "StorageGB")) {
      all.add(usage(dimension));
    }
    return all;
  }

  private EntityKey create(String name, Integer cpu, Integer memory, Long totalSize) {
    return vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", name, "StampId", STAMP, "CloudId", CLOUD,
        "CPUCount", cpu, "Memory", memory, "TotalSize", totalSize), false).entity().key();
  }

  private void change(EntityKey vm, Object... namesAndValues) {
    vms.update(SUBSCRIPTION, vm, world.payload("VirtualMachines", namesAndValues), false);
  }

  @Test
  void aCreateAddsTheVmsFootprintToItsRolesUsage() {
    quotas(10L, 40L, 65536L, 1000L);
    create("web", 2, 4096, 12 * GB + 1);
    create("sql", 4, 8192, null);
    assertEquals(List.of(2L, 6L, 12288L, 13L), usage());
  }

  @Test
  void aCreateBeyondTheVmCountIsRefusedAndStoresNothing() {
    quotas(1L, 40L, 65536L, 1000L);
    create("first", 1, 1024, null);
    ServiceException refused = assertThrows(ServiceException.class, () -> create("second", 1, 1024, null));
    assertEquals(400, refused.status());
    assertEquals("QuotaExceeded", refused.code());
    assertTrue(refused.getMessage().contains("may use 1 virtual machines (VMCount)"), refused.getMessage());
    assertTrue(refused.getMessage().contains("uses 1; this request needs 1 more"), refused.getMessage());
    assertTrue(refused.getMessage().contains("raise the RoleQuota"), refused.getMessage());
    assertEquals(1, vms.list(SUBSCRIPTION).size(), "the refused VM is not stored");
    assertEquals(List.of(1L, 1L, 1024L, 0L), usage(), "nor counted, in any dimension");
  }

  @Test
  void eachDimensionIsEnforced() {
    quotas(10L, 4L, 4096L, 20L);
    create("fits", 2, 2048, 10 * GB);
    assertEquals("QuotaExceeded", assertThrows(ServiceException.class, () -> create("cpu", 3, 1, null)).code());
    ServiceException memory = assertThrows(ServiceException.class, () -> create("memory", 1, 2049, null));
    assertTrue(memory.getMessage().contains("4096 MB of memory (MemoryMB)"), memory.getMessage());
    ServiceException storage = assertThrows(ServiceException.class, () -> create("storage", 1, 1, 10 * GB + 1));
    assertTrue(storage.getMessage().contains("20 GB of storage (StorageGB)"), storage.getMessage());
    assertTrue(storage.getMessage().contains("needs 11 more"), storage.getMessage());
    create("exactly the rest", 2, 2048, 10 * GB);
    assertEquals(List.of(2L, 4L, 4096L, 20L), usage());
  }

  @Test
  void theHardwareATemplateGivesCounts() {
    quotas(10L, 3L, null, null);
    UUID template = UUID.randomUUID();
    world.set("VMTemplates").create(SUBSCRIPTION, world.payload("VMTemplates", "ID", template, "StampId", STAMP,
        "Name", "big", "CPUCount", 4, "Memory", 8192), false);
    ServiceException refused = assertThrows(ServiceException.class, () -> vms.create(SUBSCRIPTION,
        world.payload("VirtualMachines", "Name", "from template", "StampId", STAMP, "CloudId", CLOUD,
            "VMTemplateId", template), false));
    assertTrue(refused.getMessage().contains("needs 4 more"), refused.getMessage());
    assertTrue(vms.list(SUBSCRIPTION).isEmpty());
  }

  @Test
  void aChangeCountsWhatGrewAndWhatShrank() {
    quotas(10L, 8L, 8192L, 100L);
    EntityKey vm = create("web", 2, 2048, 10 * GB);
    change(vm, "CPUCount", 6, "Memory", 1024);
    assertEquals(List.of(1L, 6L, 1024L, 10L), usage());
    change(vm, "TotalSize", 30 * GB);
    assertEquals(List.of(1L, 6L, 1024L, 30L), usage());
  }

  @Test
  void aChangeBeyondTheQuotaIsRefusedAndChangesNothing() {
    quotas(10L, 4L, 8192L, 100L);
    EntityKey vm = create("web", 2, 2048, null);
    ServiceException refused = assertThrows(ServiceException.class,
        () -> change(vm, "CPUCount", 5, "Memory", 1024, "Description", "bigger"));
    assertEquals("QuotaExceeded", refused.code());
    assertTrue(refused.getMessage().contains("uses 2; this request needs 3 more"), refused.getMessage());
    assertEquals(2, world.read("VirtualMachines", vm).get("CPUCount"), "the VM keeps its hardware");
    assertEquals(null, world.read("VirtualMachines", vm).get("Description"), "and every other value");
    assertEquals(List.of(1L, 2L, 2048L, 0L), usage(), "memory that shrank with it is not given back either");
  }

  @Test
  void powerOperationsUseNothing() {
    quotas(1L, 2L, 2048L, 10L);
    EntityKey vm = create("web", 2, 2048, 10 * GB);
    change(vm, "Operation", "Start");
    change(vm, "Operation", "Stop", "CPUCount", 2, "Memory", 2048); // a client sending the entity back
    assertEquals(List.of(1L, 2L, 2048L, 10L), usage());
  }

  @Test
  void aDeleteGivesTheFootprintBack() {
    quotas(1L, 40L, 65536L, 1000L);
    EntityKey vm = create("web", 2, 2048, GB);
    vms.delete(SUBSCRIPTION, vm, false);
    assertEquals(List.of(0L, 0L, 0L, 0L), usage());
    create("again", 1, 1024, null); // the quota has room again
  }

  @Test
  void aFailedCreationHoldsItsUsageUntilTheVmIsDeleted() {
    quotas(10L, 40L, 65536L, 1000L);
    world.vmm.failNextJobs("New-SCVirtualMachine", 1, "HostUnreachable", "The host did not answer.");
    EntityKey vm = create("failed", 2, 2048, null);
    assertEquals("CreationFailed", world.read("VirtualMachines", vm).get("Status"));
    assertEquals(List.of(1L, 2L, 2048L, 0L), usage(), "the failed VM still exists in VMM");
    vms.delete(SUBSCRIPTION, vm, false);
    assertEquals(List.of(0L, 0L, 0L, 0L), usage());
  }

  @Test
  void withoutLimitsEverythingIsCountedAndNothingRefused() {
    quotas(null, 1L, 1L, 1L); // VMCount without a RoleQuota
    world.set("QuotaAndUsageComponents").update(SUBSCRIPTION, EntityKey.of(CLOUD, STAMP, ROLE, "CPUCount"),
        world.payload("QuotaAndUsageComponents", "UseRoleQuotaMaximum", true), false);
    world.set("QuotaAndUsageComponents").delete(SUBSCRIPTION, EntityKey.of(CLOUD, STAMP, ROLE, "MemoryMB"), false);
    create("one", 8, 4096, null);
    create("two", 8, 4096, null);
    assertEquals(2, usage("VMCount"));
    assertEquals(16, usage("CPUCount"), "UseRoleQuotaMaximum: no limit, but counted");
  }

  @Test
  void aSubscriptionWithoutComponentsIsUnlimited() {
    for (int i = 0; i < 3; i++) {
      create("vm" + i, 64, 1 << 20, 1000 * GB);
    }
    assertEquals(3, vms.list(SUBSCRIPTION).size());
  }

  @Test
  void theOwnersRoleCountsRatherThanTheSubscriptions() {
    UUID other = UUID.randomUUID();
    quotas(10L, 40L, 65536L, 1000L);
    quota(SUBSCRIPTION, other, "VMCount", 1L);
    ComplexValue owner = new ComplexValue(world.model.byEntitySet("VirtualMachines").property("Owner").complex(),
        new Object[] {"someone", "Other", other});
    vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", "theirs", "StampId", STAMP, "CloudId", CLOUD,
        "Owner", owner), false);
    assertEquals(1, usage(SUBSCRIPTION, other, "VMCount"));
    assertEquals(0, usage("VMCount"));
    assertEquals("QuotaExceeded", assertThrows(ServiceException.class, () -> vms.create(SUBSCRIPTION,
        world.payload("VirtualMachines", "Name", "theirs too", "StampId", STAMP, "CloudId", CLOUD, "Owner", owner),
        false)).code());
  }

  @Test
  void aFailedChangeSetTakesTheUsageBack() {
    quotas(10L, 40L, 65536L, 1000L);
    EntityKey kept = create("kept", 2, 2048, null);
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      create("created in the change set", 4, 4096, null);
      change(kept, "CPUCount", 8);
      changes.rollback();
    }
    assertEquals(List.of(1L, 2L, 2048L, 0L), usage());
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      vms.delete(SUBSCRIPTION, kept, false);
      assertEquals(0, usage("VMCount"));
      changes.rollback();
    }
    assertEquals(List.of(1L, 2L, 2048L, 0L), usage());
  }
}
