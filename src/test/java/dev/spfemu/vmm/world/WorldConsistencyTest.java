package dev.spfemu.vmm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.InMemoryEntityStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consistency rules a world must keep (docs/behaviour.md, "World consistency"), one at a time. */
class WorldConsistencyTest {

  private static final String SUB = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String OTHER = "3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c";
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  private static final UUID OTHER_STAMP = UUID.fromString("5e3b1f0a-7c2d-4e8f-9a1b-2c3d4e5f6a7b");
  private static final UUID VM = id(701);
  private static final UUID NETWORK = id(501);
  private static final UUID SUBNET = id(601);
  private static final UUID POOL = id(651);

  private final ServiceModel model = ModelLoader.loadDefault();
  private final InMemoryEntityStore store = new InMemoryEntityStore();
  private final WorldConsistency checker = new WorldConsistency(model, store);

  private static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
  }

  /** Stores an entity of {@code set} with these properties (by name); collections left out are empty. */
  private void put(String subscription, String set, Object... namesAndValues) {
    EntityTypeModel type = model.byEntitySet(set);
    EntityPayload payload = new EntityPayload(type);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      payload.put(type.property((String) namesAndValues[i]), namesAndValues[i + 1]);
    }
    Object[] values = payload.values();
    for (PropertyModel property : type.properties()) {
      if (property.collection() && values[property.index()] == null) {
        values[property.index()] = List.of();
      }
    }
    Object[] key = type.keys().stream().map(k -> values[k.index()]).toArray();
    assertTrue(store.insert(subscription, set, new EntityRecord(EntityKey.of(key), values)));
  }

  /** A VM on its network with a pool 10.0.0.10–10.0.0.20, one adapter holding 10.0.0.10. */
  private void consistentWorld() {
    put(SUB, "VirtualMachines", "ID", VM, "StampId", STAMP, "Name", "web-01");
    put(SUB, "VMNetworks", "ID", NETWORK, "StampId", STAMP, "Name", "Web");
    put(SUB, "VMSubnets", "ID", SUBNET, "StampId", STAMP, "VMNetworkId", NETWORK);
    put(SUB, "StaticIPAddressPools", "ID", POOL, "StampId", STAMP, "VMSubnetId", SUBNET,
        "IPAddressRangeStart", "10.0.0.10", "IPAddressRangeEnd", "10.0.0.20");
    adapter(SUB, id(721), VM, "00:1D:D8:B7:1C:00", "10.0.0.10");
  }

  private void adapter(String subscription, UUID id, UUID vm, String mac, String address) {
    put(subscription, "VirtualNetworkAdapters", "ID", id, "StampId", STAMP, "VMId", vm, "VMNetworkId", NETWORK,
        "VMSubnetId", SUBNET, "MACAddress", mac, "IPv4Addresses", List.of(address),
        "IPv4AddressPoolsId", List.of(POOL));
  }

  private String only() {
    List<String> found = checker.violations(null);
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  @Test
  void aConsistentWorldHasNoViolations() {
    consistentWorld();
    put(SUB, "VMCheckPoints", "ID", id(751), "StampId", STAMP, "VMId", VM, "CheckpointID", id(761));
    put(SUB, "VMCheckPoints", "ID", id(752), "StampId", STAMP, "VMId", VM, "CheckpointID", id(762),
        "ParentCheckpointID", id(761));
    put(SUB, "VirtualNetworkAdapters", "ID", id(731), "StampId", STAMP, "TemplateId", id(301), "VMNetworkId", NETWORK);
    assertEquals(List.of(), checker.violations(null));
  }

  @Test
  void anAdapterOfNoVmIsAnOrphanNamedWithItsKey() {
    consistentWorld();
    adapter(SUB, id(722), id(799), "00:1D:D8:B7:1C:01", "10.0.0.11");
    String violation = only();
    assertTrue(violation.startsWith("subscription " + SUB + ", VirtualNetworkAdapters(ID=guid'" + id(722)
        + "',StampId=guid'" + STAMP + "'): VMId " + id(799)), violation);
    assertTrue(violation.contains("orphan"), violation);
  }

  @Test
  void aVmOnAnotherStampDoesNotOwnTheAdapter() {
    consistentWorld();
    put(SUB, "VirtualDVDDrives", "ID", id(744), "StampId", OTHER_STAMP, "VMId", VM);
    assertTrue(only().contains("VirtualDVDDrives(ID=guid'" + id(744)), only());
  }

  @Test
  void disksDrivesDvdScsiAndCheckpointsOfNoVmAreOrphans() {
    consistentWorld();
    UUID gone = id(798);
    put(SUB, "VirtualHardDisks", "ID", id(731), "StampId", STAMP, "VMId", gone);
    put(SUB, "VirtualDiskDrives", "ID", id(741), "StampId", STAMP, "VMId", gone);
    put(SUB, "VirtualDVDDrives", "ID", id(744), "StampId", STAMP, "VMId", gone);
    put(SUB, "VirtualSCSIAdapters", "ID", id(747), "StampId", STAMP, "VMId", gone);
    put(SUB, "VMCheckPoints", "ID", id(751), "StampId", STAMP, "VMId", gone);
    List<String> found = checker.violations(null);
    assertEquals(5, found.size(), found.toString());
    for (String set : List.of("VirtualHardDisks", "VirtualDiskDrives", "VirtualDVDDrives", "VirtualSCSIAdapters",
        "VMCheckPoints")) {
      assertTrue(found.stream().anyMatch(v -> v.contains(", " + set + "(") && v.contains(gone.toString())),
          set + " in " + found);
    }
  }

  @Test
  void aTemplatePartNeedsItsTemplateWhenTheWorldHoldsTemplates() {
    consistentWorld();
    put(SUB, "VirtualNetworkAdapters", "ID", id(731), "StampId", STAMP, "TemplateId", id(301));
    assertEquals(List.of(), checker.violations(null)); // no templates in this world: not checked
    put(SUB, "VMTemplates", "ID", id(302), "StampId", STAMP, "Name", "another");
    assertTrue(only().contains("TemplateId " + id(301) + " names no VM template"), only());
  }

  @Test
  void anAddressOutsideItsPoolNamesThePoolAndRange() {
    consistentWorld();
    adapter(SUB, id(722), VM, "00:1D:D8:B7:1C:01", "10.9.9.9");
    assertTrue(only().contains("IPv4 address 10.9.9.9 is outside its pool StaticIPAddressPools(ID=guid'" + POOL
        + "',StampId=guid'" + STAMP + "') range 10.0.0.10–10.0.0.20"), only());
  }

  @Test
  void twoAdaptersWithOneAddressOfAPoolAreRefused() {
    consistentWorld();
    adapter(SUB, id(722), VM, "00:1D:D8:B7:1C:01", "10.0.0.10");
    assertTrue(only().contains("IPv4 address 10.0.0.10 of pool"), only());
    assertTrue(only().contains("is also held by VirtualNetworkAdapters("), only());
  }

  @Test
  void anAdapterNamingAMissingPoolIsRefused() {
    consistentWorld();
    put(SUB, "VirtualNetworkAdapters", "ID", id(722), "StampId", STAMP, "VMId", VM,
        "IPv4Addresses", List.of("10.0.0.11"), "IPv4AddressPoolsId", List.of(id(659)));
    assertTrue(only().contains("IPv4AddressPoolsId " + id(659) + " names no static IP address pool"), only());
  }

  @Test
  void macAddressesAreUniqueAcrossSubscriptionsInAnyNotation() {
    consistentWorld();
    put(OTHER, "VirtualMachines", "ID", VM, "StampId", STAMP, "Name", "twin");
    put(OTHER, "VirtualNetworkAdapters", "ID", id(723), "StampId", STAMP, "VMId", VM,
        "MACAddress", "00-1d-d8-b7-1c-00");
    assertTrue(only().contains("MAC address 00-1d-d8-b7-1c-00 is also held by VirtualNetworkAdapters("), only());
  }

  @Test
  void checkingOneSubscriptionLooksOnlyAtIt() {
    consistentWorld();
    put(OTHER, "VirtualMachines", "ID", id(702), "StampId", STAMP, "Name", "dev-01");
    put(OTHER, "VirtualNetworkAdapters", "ID", id(723), "StampId", STAMP, "VMId", id(799),
        "MACAddress", "00:1D:D8:B7:1C:00");
    assertEquals(List.of(), checker.violations(SUB));
    assertEquals(1, checker.violations(OTHER).size(), checker.violations(OTHER).toString()); // the orphan, not the MAC
  }

  @Test
  void modelReferencesResolveWhenTheTargetSetIsInTheWorld() {
    consistentWorld();
    put(SUB, "VMSubnets", "ID", id(602), "StampId", STAMP, "VMNetworkId", id(509));
    assertTrue(only().contains("VMSubnets(ID=guid'" + id(602) + "',StampId=guid'" + STAMP + "'): VMNetworkId "
        + id(509) + " names no entity of VMNetworks on the same stamp"), only());
  }

  @Test
  void aPartialWorldWithoutTheTargetSetIsNotChecked() {
    put(SUB, "VirtualNetworkAdapters", "ID", id(721), "StampId", STAMP, "VMId", id(799), "VMNetworkId", id(509));
    put(SUB, "VMCheckPoints", "ID", id(751), "StampId", STAMP, "VMId", id(799));
    assertEquals(List.of(), checker.violations(null)); // no VMs, no networks in this world: not checked
    assertEquals(3, checker.violationsOfCompleteWorld().size(), checker.violationsOfCompleteWorld().toString());
  }

  @Test
  void aVmsCloudMustExistWhenTheSubscriptionHasClouds() {
    consistentWorld();
    assertEquals(List.of(), checker.violations(null));
    put(SUB, "VirtualMachines", "ID", id(702), "StampId", STAMP, "Name", "sql-01", "CloudId", id(109));
    assertEquals(List.of(), checker.violations(null)); // no clouds in this world
    put(SUB, "Clouds", "ID", id(101), "StampId", STAMP, "Name", "Gold");
    assertTrue(only().contains("VirtualMachines(ID=guid'" + id(702) + "',StampId=guid'" + STAMP + "'): CloudId "
        + id(109) + " names no entity of Clouds"), only());
  }

  @Test
  void aVmsTemplateAndProfileMustExist() {
    consistentWorld();
    put(SUB, "VMTemplates", "ID", id(301), "StampId", STAMP, "Name", "t");
    put(SUB, "HardwareProfiles", "ID", id(201), "StampId", STAMP, "Name", "p");
    put(SUB, "VirtualMachines", "ID", id(702), "StampId", STAMP, "Name", "sql-01", "VMTemplateId", id(309),
        "HardwareProfileId", id(209));
    List<String> found = checker.violations(null);
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.get(0).contains("HardwareProfileId " + id(209)), found.toString());
    assertTrue(found.get(1).contains("VMTemplateId " + id(309)), found.toString());
  }

  @Test
  void aCheckpointsParentIsACheckpointOfTheSameVm() {
    consistentWorld();
    put(SUB, "VirtualMachines", "ID", id(702), "StampId", STAMP, "Name", "sql-01");
    put(SUB, "VMCheckPoints", "ID", id(751), "StampId", STAMP, "VMId", id(702), "CheckpointID", id(761));
    put(SUB, "VMCheckPoints", "ID", id(752), "StampId", STAMP, "VMId", VM, "CheckpointID", id(762),
        "ParentCheckpointID", id(761));
    assertTrue(only().contains("ParentCheckpointID " + id(761)
        + " is the CheckpointID of no checkpoint of the same VM"), only());
  }

  @Test
  void checkRefusesNamingTheSourceAndListsAtMostFive() {
    consistentWorld();
    for (int i = 0; i < 7; i++) {
      put(SUB, "VirtualDVDDrives", "ID", id(780 + i), "StampId", STAMP, "VMId", id(799));
    }
    WorldLoader.InvalidWorldException e = assertThrows(WorldLoader.InvalidWorldException.class,
        () -> checker.check("world.json", null));
    assertTrue(e.getMessage().startsWith("world.json: subscription " + SUB + ", VirtualDVDDrives(ID=guid'" + id(780)),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("; and 2 more inconsistencies"), e.getMessage());
  }
}
