package dev.spfemu.vmm.quota;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.error.ServiceException;
import dev.spfemu.store.EntityKey;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With jobs that take time: a VM counts from the create's answer on, and until its delete job completes. */
class QuotaJobsTest {

  private static final UUID ROLE = UUID.fromString(SUBSCRIPTION);

  private final VmmFixture world = new VmmFixture(Duration.ofSeconds(20));
  private final EntitySet vms = world.set("VirtualMachines");

  QuotaJobsTest() {
    world.set("UserRoles").create(SUBSCRIPTION, world.payload("UserRoles", "ID", ROLE, "Name", "Tenant"), false);
    world.set("QuotaAndUsageComponents").create(SUBSCRIPTION, world.payload("QuotaAndUsageComponents",
        "ID", CLOUD, "StampId", STAMP, "UserRoleID", ROLE, "QuotaDimension", "VMCount", "RoleQuota", 1L), false);
  }

  @AfterEach
  void close() {
    world.close();
  }

  private long vmCount() {
    return (Long) world.set("QuotaAndUsageComponents").read(SUBSCRIPTION, EntityKey.of(CLOUD, STAMP, ROLE, "VMCount"))
        .value(world.model.byEntitySet("QuotaAndUsageComponents").property("RoleUsage").index());
  }

  private EntityKey create(String name) {
    return vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", name, "StampId", STAMP, "CloudId", CLOUD),
        true).entity().key();
  }

  private void advance() {
    world.clock.advance(Duration.ofSeconds(30));
    world.vmm.catchUpJobs();
  }

  @Test
  void aVmCountsWhileItsCreationJobRunsAndUntilItsDeleteJobCompletes() {
    EntityKey vm = create("web");
    assertEquals("UnderCreation", world.read("VirtualMachines", vm).get("Status"));
    assertEquals(1, vmCount());
    assertEquals("QuotaExceeded", assertThrows(ServiceException.class, () -> create("second")).code());
    advance();
    vms.delete(SUBSCRIPTION, vm, true);
    assertEquals(1, vmCount(), "the VM is still there while its delete job runs");
    advance();
    assertEquals(0, vmCount());
    create("second");
    assertEquals(1, vmCount());
  }
}
