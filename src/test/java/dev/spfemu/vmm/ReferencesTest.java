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
