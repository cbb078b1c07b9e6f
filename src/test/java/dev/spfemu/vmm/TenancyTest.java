package dev.spfemu.vmm;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.PropertyModel;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where an entity created through a root of every subscription goes: where what it hangs off is. */
class TenancyTest {

  private static final String A = "0a0a0a0a-0000-4000-8000-00000000000a";
  private static final String B = "0b0b0b0b-0000-4000-8000-00000000000b";

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");

  @AfterEach
  void close() {
    world.close();
  }

  private UUID add(String subscription, String set, UUID id) {
    world.set(set).create(subscription, world.payload(set, "ID", id, "StampId", STAMP, "Name", set), false);
    return id;
  }

  private EntityPayload vm(Object... more) {
    Object[] namesAndValues = new Object[more.length + 4];
    namesAndValues[0] = "Name";
    namesAndValues[1] = "new";
    namesAndValues[2] = "StampId";
    namesAndValues[3] = STAMP;
    System.arraycopy(more, 0, namesAndValues, 4, more.length);
    return world.payload("VirtualMachines", namesAndValues);
  }

  @Test
  void aVmGoesWhereItsCloudIs() {
    UUID cloud = add(B, "Clouds", UUID.randomUUID());
    add(A, "Clouds", UUID.randomUUID());

    assertEquals(B, vms.subscriptionFor(vm("CloudId", cloud), null));
  }

  @Test
  void aCheckpointOrDriveGoesWhereItsVmIs() {
    UUID vm = (UUID) vms.create(A, vm("CloudId", UUID.randomUUID()), false).entity().key().value(0);

    assertEquals(A, world.set("VMCheckPoints").subscriptionFor(world.payload("VMCheckPoints", "Name", "cp",
        "StampId", STAMP, "VMId", vm), null));
    assertEquals(A, world.set("VirtualDiskDrives").subscriptionFor(world.payload("VirtualDiskDrives",
        "StampId", STAMP, "VMId", vm), "someone@example.com"));
  }

  @Test
  void aSharedParentIsNarrowedByTheOthersOrTheOwner() {
    UUID shared = add(A, "Clouds", UUID.randomUUID());
    add(B, "Clouds", shared);
    UUID template = add(B, "VMTemplates", UUID.randomUUID());

    assertEquals(B, vms.subscriptionFor(vm("CloudId", shared, "VMTemplateId", template), null));
    assertEquals(A, vms.subscriptionFor(vm("CloudId", shared), A.toUpperCase()));
    ServiceException ambiguous = assertThrows(ServiceException.class,
        () -> vms.subscriptionFor(vm("CloudId", shared), null));
    assertTrue(ambiguous.getMessage().contains("several"), ambiguous.getMessage());
  }

  @Test
  void parentsInDifferentSubscriptionsAreRefused() {
    UUID cloud = add(A, "Clouds", UUID.randomUUID());
    UUID template = add(B, "VMTemplates", UUID.randomUUID());

    ServiceException refused = assertThrows(ServiceException.class,
        () -> vms.subscriptionFor(vm("CloudId", cloud, "VMTemplateId", template), A));
    assertEquals(400, refused.status());
    assertEquals("SubscriptionUnknown", refused.code());
    assertTrue(refused.getMessage().contains("CloudId in " + A) && refused.getMessage().contains("VMTemplateId in " + B),
        refused.getMessage());
  }

  @Test
  void withoutParentsTheOwnerRoleOrThePrincipalNamesIt() {
    PropertyModel owner = world.model.byEntitySet("VirtualMachines").property("Owner");
    ComplexValue role = new ComplexValue(owner.complex(), new Object[] {"tenant@example.com", "Tenant",
        UUID.fromString(B)});

    assertEquals(B, vms.subscriptionFor(vm("CloudId", UUID.randomUUID(), "Owner", role), A));
    assertEquals(A, vms.subscriptionFor(vm("CloudId", UUID.randomUUID()), " " + A + " "));
  }

  @Test
  void nothingToGoByIsRefusedWithWhatToSend() {
    ServiceException refused = assertThrows(ServiceException.class,
        () -> vms.subscriptionFor(vm("CloudId", UUID.randomUUID()), "terraform-provider-vmm"));
    assertEquals("SubscriptionUnknown", refused.code());
    assertTrue(refused.getMessage().contains("CloudId (an entity of Clouds)"), refused.getMessage());
    assertTrue(refused.getMessage().contains("x-ms-principal-id"), refused.getMessage());
    ServiceException noStamp = assertThrows(ServiceException.class,
        () -> vms.subscriptionFor(world.payload("VirtualMachines", "Name", "x"), A));
    assertEquals("MissingRequiredProperty", noStamp.code());
  }
}
