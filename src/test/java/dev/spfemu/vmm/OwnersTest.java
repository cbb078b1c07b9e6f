package dev.spfemu.vmm;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A new VM's Owner: the caller and the subscription's user role where the body leaves it null. */
class OwnersTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final ComplexTypeModel userAndRole = world.model.byEntitySet("VirtualMachines").property("Owner").complex();

  @AfterEach
  void close() {
    world.close();
  }

  private ComplexValue ownerOfNewVm(String principal) {
    Object key = world.set("VirtualMachines").create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", "vm",
        "StampId", STAMP, "CloudId", CLOUD, "Owner", null), false, principal).entity().key().value(0);
    return (ComplexValue) world.read("VirtualMachines", VmmFixture.key(key)).get("Owner");
  }

  @Test
  void theRoleWithTheSubscriptionsIdIsTheOwnersRole() {
    UUID role = UUID.fromString(SUBSCRIPTION);
    world.set("UserRoles").create(SUBSCRIPTION, world.payload("UserRoles", "ID", role, "Name", "Tenant"), false);
    ComplexValue owner = ownerOfNewVm("alice@contoso.com");
    assertEquals("alice@contoso.com", owner.value(userAndRole.property("UserName").index()));
    assertEquals(role, owner.value(userAndRole.property("RoleID").index()));
    assertEquals("Tenant", owner.value(userAndRole.property("RoleName").index()));
  }

  @Test
  void withoutARoleOnlyTheUserIsFilled() {
    ComplexValue owner = ownerOfNewVm("alice@contoso.com");
    assertEquals("alice@contoso.com", owner.value(userAndRole.property("UserName").index()));
    assertEquals(null, owner.value(userAndRole.property("RoleID").index()));
  }
}
