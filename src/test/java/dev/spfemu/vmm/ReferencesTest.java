package dev.spfemu.vmm;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityPayload;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The references the model declares besides a checkpoint's VM: each must name an entity of the subscription. */
class ReferencesTest {

  private static final UUID NOWHERE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  private final VmmFixture world = new VmmFixture(Duration.ZERO);

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aVmNetworkOnAnUnknownLogicalNetworkIsRefused() {
    refused("VMNetworks", "LogicalNetworkId");
  }

  @Test
  void aSubnetOfAnUnknownVmNetworkIsRefused() {
    refused("VMSubnets", "VMNetworkId");
  }

  @Test
  void aPoolOfAnUnknownSubnetIsRefused() {
    refused("StaticIPAddressPools", "VMSubnetId");
  }

  @Test
  void anAdapterOnAnUnknownNetworkOrSubnetIsRefused() {
    refused("VirtualNetworkAdapters", "VMNetworkId");
    refused("VirtualNetworkAdapters", "VMSubnetId");
  }

  @Test
  void aDiskDriveOfAnUnknownVmOrDiskIsRefused() {
    refused("VirtualDiskDrives", "VMId");
    refused("VirtualDiskDrives", "VirtualHardDiskId");
  }

  @Test
  void aSubnetOfAVmNetworkThatExistsIsStored() {
    Object network = world.set("VMNetworks").create(SUBSCRIPTION,
        world.payload("VMNetworks", "Name", "n", "StampId", STAMP), false).entity().key().value(0);
    world.set("VMSubnets").create(SUBSCRIPTION,
        world.payload("VMSubnets", "Name", "s", "StampId", STAMP, "VMNetworkId", network), false);
    assertEquals(1, world.set("VMSubnets").list(SUBSCRIPTION).size());
  }

  @Test
  void aVmInASubscriptionWithoutCloudsTakesAnyCloudId() {
    world.createVm("fresh", false);
    assertEquals(1, world.set("VirtualMachines").list(SUBSCRIPTION).size());
  }

  @Test
  void aVmOfAnUnknownCloudIsRefusedOnceTheSubscriptionHasACloud() {
    addCloud(VmmFixture.CLOUD, STAMP);
    EntityPayload payload = world.payload("VirtualMachines", "Name", "x", "StampId", STAMP, "CloudId", NOWHERE);
    ServiceException refused = assertThrows(ServiceException.class,
        () -> world.set("VirtualMachines").create(SUBSCRIPTION, payload, false));
    assertEquals(404, refused.status());
    assertEquals("ReferencedEntityNotFound", refused.code());
    assertTrue(refused.getMessage().contains("CloudId '" + NOWHERE + "'"), refused.getMessage());
    assertTrue(world.set("VirtualMachines").list(SUBSCRIPTION).isEmpty(), "nothing stored");
  }

  @Test
  void aVmOfACloudOnAnotherStampIsRefused() {
    UUID otherStamp = UUID.fromString("5e3b1f0a-7c2d-4e8f-9a1b-2c3d4e5f6a7b");
    addCloud(VmmFixture.CLOUD, otherStamp);
    EntityPayload payload = world.payload("VirtualMachines", "Name", "x", "StampId", STAMP, "CloudId",
        VmmFixture.CLOUD);
    ServiceException refused = assertThrows(ServiceException.class,
        () -> world.set("VirtualMachines").create(SUBSCRIPTION, payload, false));
    assertEquals("ReferencedEntityNotFound", refused.code());
    assertTrue(refused.getMessage().contains("stamp '" + STAMP + "'"), refused.getMessage());
  }

  @Test
  void aVmOfAKnownCloudIsStored() {
    addCloud(VmmFixture.CLOUD, STAMP);
    world.createVm("known", false);
    assertEquals(1, world.set("VirtualMachines").list(SUBSCRIPTION).size());
  }

  @Test
  void anotherSubscriptionsCloudsDoNotMatter() {
    world.set("Clouds").create("3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c",
        world.payload("Clouds", "ID", VmmFixture.CLOUD, "StampId", STAMP, "Name", "elsewhere"), false);
    world.createVm("fresh", false);
    assertEquals(1, world.set("VirtualMachines").list(SUBSCRIPTION).size());
  }

  private void addCloud(UUID id, UUID stamp) {
    world.set("Clouds").create(SUBSCRIPTION, world.payload("Clouds", "ID", id, "StampId", stamp, "Name", "c"), false);
  }

  private void refused(String set, String property) {
    EntityPayload payload = world.payload(set, "Name", "x", "StampId", STAMP, property, NOWHERE);
    ServiceException refused = assertThrows(ServiceException.class,
        () -> world.set(set).create(SUBSCRIPTION, payload, false));
    assertEquals(404, refused.status());
    assertEquals("ReferencedEntityNotFound", refused.code());
    assertTrue(refused.getMessage().contains(property), refused.getMessage());
    assertTrue(world.set(set).list(SUBSCRIPTION).isEmpty(), "nothing stored");
  }
}
