package dev.spfemu.vmm.entity;

import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an update body does to a stored entity, through the domain alone. */
class StoredSetUpdateTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");
  private final EntityTypeModel vm = world.model.byEntitySet("VirtualMachines");

  @AfterEach
  void close() {
    world.close();
  }

  private ComplexValue owner(String user, String role, UUID roleId) {
    return new ComplexValue(vm.property("Owner").complex(), new Object[] {user, role, roleId});
  }

  /** A VM created with an owner, a description and one granted user. */
  private EntityRecord ownedVm() {
    return vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", "web-01", "StampId", VmmFixture.STAMP,
        "CloudId", VmmFixture.CLOUD, "Description", "kept", "Owner", owner("alice", "Tenant", ROLE),
        "GrantedToList", List.of(owner("bob", "Tenant", ROLE))), false).entity();
  }

  private static final UUID ROLE = UUID.fromString("5d2cf61c-f7c4-46e6-a6df-1c6e1f2aa797");

  @Test
  void nullsInAnUpdateKeepWhatIsStoredAsWAPacksStartDoes() {
    EntityRecord created = ownedVm();
    Map<String, Object> before = world.read("VirtualMachines", created.key());
    EntityPayload everything = new EntityPayload(vm); // the proxy: every property, unset ones null or []
    for (PropertyModel property : vm.properties()) {
      Object value = property.name().equals("Operation") ? "Start"
          : property.name().equals("ID") ? before.get("ID")
          : property.name().equals("StampId") ? VmmFixture.STAMP
          : property.name().equals("Owner") ? owner(null, null, null)
          : property.collection() ? List.of() : null;
      everything.put(property, value);
    }

    vms.update(SUBSCRIPTION, created.key(), everything, false);

    Map<String, Object> after = world.read("VirtualMachines", created.key());
    assertEquals("Running", after.get("Status"));
    for (String kept : List.of("Name", "Description", "Owner", "GrantedToList", "CloudId", "AddedTime")) {
      assertEquals(before.get(kept), after.get(kept), kept);
    }
  }

  @Test
  void aNullForANonNullablePropertyOrAKeyIsNotGivenRatherThanAnError() {
    EntityRecord created = ownedVm();
    EntityPayload payload = world.payload("VirtualMachines", "ID", null, "StampId", null, "GrantedToList", null,
        "Description", "changed");

    vms.update(SUBSCRIPTION, created.key(), payload, false);

    Map<String, Object> after = world.read("VirtualMachines", created.key());
    assertEquals("changed", after.get("Description"));
    assertEquals(List.of(owner("bob", "Tenant", ROLE)), after.get("GrantedToList"));
  }

  @Test
  void aComplexValuesNullMembersKeepTheStoredMembers() {
    EntityRecord created = ownedVm();

    vms.update(SUBSCRIPTION, created.key(), world.payload("VirtualMachines", "Owner", owner(null, "Admin", null)), false);

    assertEquals(owner("alice", "Admin", ROLE), world.read("VirtualMachines", created.key()).get("Owner"));
  }

  @Test
  void givenValuesStillReplaceAndAKeyThatDiffersIsStillRefused() {
    EntityRecord created = ownedVm();
    vms.update(SUBSCRIPTION, created.key(), world.payload("VirtualMachines", "Description", "",
        "GrantedToList", List.of(owner("carol", null, null))), false);

    Map<String, Object> after = world.read("VirtualMachines", created.key());
    assertEquals("", after.get("Description"), "an empty string is a value");
    assertEquals(List.of(owner("carol", null, null)), after.get("GrantedToList"));
    ServiceException e = assertThrows(ServiceException.class, () -> vms.update(SUBSCRIPTION, created.key(),
        world.payload("VirtualMachines", "StampId", ROLE), false));
    assertEquals("KeyMismatch", e.code());
  }

  @Test
  void nullsInACreateStayNull() {
    EntityRecord created = vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", "web-01",
        "StampId", VmmFixture.STAMP, "CloudId", VmmFixture.CLOUD, "Description", null, "Owner", null), false).entity();

    Map<String, Object> stored = world.read("VirtualMachines", created.key());
    assertNull(stored.get("Description"));
    assertNull(stored.get("Owner"));
    assertEquals(List.of(), stored.get("GrantedToList"), "a collection left out is empty, as before");
  }

  @Test
  void navigationPropertiesWithoutEntitiesAreIgnored() {
    EntityRecord created = world.createVm("web-01", false);
    EntityPayload payload = world.payload("VirtualMachines", "Description", "changed");
    payload.putNavigation(vm.navigation("Cloud"), false);
    payload.putNavigation(vm.navigation("VirtualDiskDrives"), false);

    vms.update(SUBSCRIPTION, created.key(), payload, false);

    assertEquals("changed", world.read("VirtualMachines", created.key()).get("Description"));
  }

  @Test
  void relatedEntitiesInAnUpdateAreADeepUpdateAndChangeNothing() {
    EntityRecord created = world.createVm("web-01", false);
    EntityPayload payload = world.payload("VirtualMachines", "Description", "changed", "Operation", "Start");
    payload.putNavigation(vm.navigation("VirtualDiskDrives"), true);

    ServiceException e = assertThrows(ServiceException.class,
        () -> vms.update(SUBSCRIPTION, created.key(), payload, false));

    assertEquals(400, e.status());
    assertEquals("DeepUpdateNotSupported", e.code());
    assertTrue(e.getMessage().contains("Deep updates are not supported"), e.getMessage());
    assertTrue(e.getMessage().contains("'VirtualDiskDrives'"), e.getMessage());
    assertEquals("PowerOff", world.read("VirtualMachines", created.key()).get("Status"));
    assertEquals(null, world.read("VirtualMachines", created.key()).get("Description"));
  }

  @Test
  void relatedEntitiesInACreateAreIgnored() {
    EntityPayload payload = world.payload("VirtualMachines", "Name", "web-01", "StampId", VmmFixture.STAMP,
        "CloudId", VmmFixture.CLOUD);
    payload.putNavigation(vm.navigation("VirtualDiskDrives"), true);
    payload.putNavigation(vm.navigation("Cloud"), true);

    EntityRecord created = vms.create(SUBSCRIPTION, payload, false).entity();

    assertEquals("web-01", world.read("VirtualMachines", created.key()).get("Name"));
    assertEquals(0, world.set("VirtualDiskDrives").list(SUBSCRIPTION).size());
  }

  @Test
  void secretsAreNeverStoredAndTheVmsStateIsTheServers() {
    EntityRecord created = vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", "web-02", "StampId",
        VmmFixture.STAMP, "CloudId", VmmFixture.CLOUD, "LocalAdminPassword", "pw", "ProductKey", "K",
        "Status", "Running"), false).entity();
    Map<String, Object> stored = world.read("VirtualMachines", created.key());
    assertNull(stored.get("LocalAdminPassword"));
    assertNull(stored.get("ProductKey"));
    assertEquals("PowerOff", stored.get("Status"));
    vms.update(SUBSCRIPTION, created.key(), world.payload("VirtualMachines", "LocalAdminPassword", "pw2",
        "Status", "Saved", "StatusString", "Saved", "Description", "changed"), false);
    Map<String, Object> after = world.read("VirtualMachines", created.key());
    assertNull(after.get("LocalAdminPassword"));
    assertEquals("PowerOff", after.get("Status"));
    assertEquals("Stopped", after.get("StatusString"));
    assertEquals("changed", after.get("Description"));
  }
}
