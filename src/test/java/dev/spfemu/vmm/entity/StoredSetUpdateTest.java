package dev.spfemu.vmm.entity;

import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
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

    EntityRecord created = vms.create(SUBSCRIPTION, payload, false);

    assertEquals("web-01", world.read("VirtualMachines", created.key()).get("Name"));
    assertEquals(0, world.set("VirtualDiskDrives").list(SUBSCRIPTION).size());
  }
}
