package dev.spfemu.vmm.network;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.ChangeSet;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new VM's adapters: one per input, a MAC from the pool, an IP from the subnet's static pool, given back on delete. */
class AdapterProvisioningTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");
  private final EntitySet adapters = world.set("VirtualNetworkAdapters");
  private UUID network;
  private UUID subnet;

  @BeforeEach
  void networks() {
    network = (UUID) world.set("VMNetworks").create(SUBSCRIPTION, world.payload("VMNetworks", "Name", "web",
        "StampId", STAMP), false).entity().key().value(0);
    subnet = (UUID) world.set("VMSubnets").create(SUBSCRIPTION, world.payload("VMSubnets", "Name", "web-sub",
        "StampId", STAMP, "VMNetworkId", network, "Subnet", "10.0.0.0/24"), false).entity().key().value(0);
    world.set("StaticIPAddressPools").create(SUBSCRIPTION, world.payload("StaticIPAddressPools", "Name", "web-pool",
        "StampId", STAMP, "VMSubnetId", subnet, "IPAddressRangeStart", "10.0.0.10", "IPAddressRangeEnd", "10.0.0.11"),
        false);
  }

  @AfterEach
  void close() {
    world.close();
  }

  private ComplexValue input(String networkName, String mac) {
    ComplexTypeModel type = world.model.complexTypes().stream()
        .filter(t -> t.name().equals("NewVMVirtualNetworkAdapterInput")).findFirst().orElseThrow();
    Object[] values = new Object[type.properties().size()];
    values[type.property("VMNetworkName").index()] = networkName;
    values[type.property("MACAddress").index()] = mac;
    return new ComplexValue(type, values);
  }

  private EntityRecord vm(String name, ComplexValue... inputs) {
    return vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", name, "StampId", STAMP, "CloudId", CLOUD,
        "NewVirtualNetworkAdapterInput", List.of(inputs)), false).entity();
  }

  private List<Map<String, Object>> adaptersOf(EntityRecord vm) {
    return world.adaptersOf(vm);
  }

  @Test
  void eachInputBecomesAnAdapterWithAMacAndAnAddressFromThePool() {
    EntityRecord vm = vm("web-01", input("web", null), input("web", null));
    List<Map<String, Object>> made = adaptersOf(vm);
    assertEquals(2, made.size());
    Map<String, Object> first = made.get(0);
    assertEquals(network, first.get("VMNetworkId"));
    assertEquals("web", first.get("VMNetworkName"));
    assertEquals(subnet, first.get("VMSubnetId"));
    assertEquals("web-01", first.get("Name"));
    assertTrue(((String) first.get("MACAddress")).startsWith("00:1D:D8:"), first.toString());
    assertEquals("Dynamic", first.get("MACAddressType"));
    assertNotEquals(first.get("MACAddress"), made.get(1).get("MACAddress"));
    Set<Object> ips = new HashSet<>();
    made.forEach(a -> ips.addAll((List<?>) a.get("IPv4Addresses")));
    assertEquals(Set.of("10.0.0.10", "10.0.0.11"), ips);
  }

  @Test
  void aStaticMacIsKept() {
    EntityRecord vm = vm("web-01", input("web", "00:1D:D8:00:00:01"));
    Map<String, Object> adapter = adaptersOf(vm).get(0);
    assertEquals("00:1D:D8:00:00:01", adapter.get("MACAddress"));
    assertEquals("Static", adapter.get("MACAddressType"));
  }

  @Test
  void anUnknownNetworkIsA404AndStoresNothing() {
    ServiceException e = assertThrows(ServiceException.class, () -> vm("web-01", input("nowhere", null)));
    assertEquals(404, e.status());
    assertTrue(vms.list(SUBSCRIPTION).isEmpty());
    assertTrue(adapters.list(SUBSCRIPTION).isEmpty());
  }

  @Test
  void aFullPoolFailsTheCreationJobAndTakesNothing() {
    vm("web-01", input("web", null), input("web", null));
    EntityRecord third = vm("web-02", input("web", null));
    Map<String, Object> job = world.job(third.value(world.model.byEntitySet("VirtualMachines")
        .property("MostRecentTaskId").index()));
    assertEquals("Failed", job.get("Status"));
    assertTrue(job.get("ErrorInfo").toString().contains("IPAddressPoolExhausted"), job.get("ErrorInfo").toString());
    assertTrue(adaptersOf(third).isEmpty());
    assertEquals("Creation Failed", world.read("VirtualMachines", third.key()).get("StatusString"));
  }

  @Test
  void deletingAVmDeletesItsAdaptersAndGivesBackTheirAddresses() {
    EntityRecord first = vm("web-01", input("web", null), input("web", null));
    vms.delete(SUBSCRIPTION, first.key(), false);
    assertTrue(adapters.list(SUBSCRIPTION).isEmpty());
    EntityRecord second = vm("web-02", input("web", null), input("web", null));
    assertEquals(2, adaptersOf(second).size(), "both addresses are free again");
    assertTrue(adaptersOf(second).stream().anyMatch(a -> a.get("MACAddress") != null));
  }

  @Test
  void aRolledBackChangeSetTakesBackAdaptersAndAddresses() {
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      vm("web-01", input("web", null), input("web", null));
      changes.rollback();
    }
    assertTrue(adapters.list(SUBSCRIPTION).isEmpty());
    EntityRecord again = vm("web-02", input("web", null), input("web", null));
    assertEquals(2, adaptersOf(again).size(), "the pool's addresses were given back");
  }

  @Test
  void aVmWithoutInputsHasNoAdapters() {
    EntityRecord vm = world.createVm("bare", false);
    assertTrue(adaptersOf(vm).isEmpty());
  }

  @Test
  void storedAdaptersAddressesAreNotHandedOutAgain() {
    EntitySet adapterSet = world.set("VirtualNetworkAdapters");
    adapterSet.create(SUBSCRIPTION, world.payload("VirtualNetworkAdapters", "StampId", STAMP,
        "MACAddress", "00:1D:D8:B7:1C:00"), false);
    world.vmm.reset(SUBSCRIPTION); // as before a world is loaded: the pools forget, the store is read again
    adapterSet.create(SUBSCRIPTION, world.payload("VirtualNetworkAdapters", "StampId", STAMP,
        "MACAddress", "00:1D:D8:B7:1C:00"), false);
    networks();
    EntityRecord vm = vm("web-01", input("web", null));
    assertEquals("00:1D:D8:B7:1C:01", adaptersOf(vm).get(0).get("MACAddress"));
  }

  @Test
  void aRolledBackDeleteTakesItsAddressesAgain() {
    EntityRecord first = vm("web-01", input("web", null), input("web", null));
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      vms.delete(SUBSCRIPTION, first.key(), false);
      changes.rollback();
    }
    assertEquals(2, adaptersOf(first).size());
    EntityRecord third = vm("web-02", input("web", null));
    assertTrue(adaptersOf(third).isEmpty(), "the pool is still full: the restored adapters hold its addresses");
  }

  @Test
  void concurrentAllocationsNeverShareAnAddress() throws Exception {
    MacPool pool = new MacPool();
    IpPools ips = new IpPools();
    UUID poolId = UUID.randomUUID();
    Set<String> macsTaken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Set<String> ipsTaken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(threads.submit(() -> {
        for (int i = 0; i < 250; i++) {
          assertTrue(macsTaken.add(pool.allocate("s")));
          assertTrue(ipsTaken.add(ips.allocate("s", poolId, "10.1.0.0", "10.1.255.255")));
        }
      }));
    }
    for (java.util.concurrent.Future<?> each : done) {
      each.get();
    }
    threads.shutdown();
    assertEquals(1000, macsTaken.size());
    assertEquals(1000, ipsTaken.size());
  }

  @Test
  void theMacPoolHandsOutEachAddressOnceUntilReleased() {
    MacPool pool = new MacPool(MacPool.FIRST, MacPool.FIRST + 1);
    String a = pool.allocate("s");
    String b = pool.allocate("s");
    assertEquals("00:1D:D8:B7:1C:00", a);
    assertEquals("00:1D:D8:B7:1C:01", b);
    assertNull(pool.allocate("s"));
    pool.release(a);
    assertEquals(a, pool.allocate("s"));
    assertEquals("00:1D:D8:F4:1F:FF", MacPool.format(MacPool.LAST));
  }
}
