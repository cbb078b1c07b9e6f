package dev.spfemu.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subscription holds a bounded number of entities: a create beyond is refused, and nothing is stored. */
class SubscriptionCapacityTest {

  private static final String OTHER = "0f6d8a2e-2a1b-4c55-9d33-5b0e8f1c7a64";

  private static void createCloud(VmmFixture vmm, String subscription, String name) {
    vmm.set("Clouds").create(subscription, vmm.payload("Clouds", "ID", UUID.randomUUID(), "StampId",
        VmmFixture.STAMP, "Name", name), false);
  }

  @Test
  void aCreateInAFullSubscriptionIsLimitExceededNamingTheFlag() {
    try (VmmFixture vmm = new VmmFixture(Duration.ZERO, 3)) {
      for (int i = 0; i < 3; i++) {
        createCloud(vmm, VmmFixture.SUBSCRIPTION, "c" + i);
      }
      ServiceException full = assertThrows(ServiceException.class,
          () -> createCloud(vmm, VmmFixture.SUBSCRIPTION, "one too many"));
      assertEquals(400, full.status());
      assertEquals("LimitExceeded", full.code());
      assertTrue(full.getMessage().contains("limited to 3, but the request has 3 already"), full.getMessage());
      assertTrue(full.getMessage().contains("--max-entities-per-subscription"), full.getMessage());
      assertEquals(3, vmm.set("Clouds").list(VmmFixture.SUBSCRIPTION).size());

      createCloud(vmm, OTHER, "another subscription has room");
      vmm.set("Clouds").delete(VmmFixture.SUBSCRIPTION,
          vmm.set("Clouds").list(VmmFixture.SUBSCRIPTION).get(0).key(), false);
      createCloud(vmm, VmmFixture.SUBSCRIPTION, "room again after a delete");
    }
  }
}
