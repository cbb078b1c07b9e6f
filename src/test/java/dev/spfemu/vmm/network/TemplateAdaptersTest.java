package dev.spfemu.vmm.network;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A template's network adapters are the default adapters of a VM made from it; inputs sent win. */
class TemplateAdaptersTest {

  private static final UUID TEMPLATE = UUID.fromString("00000000-0000-4000-8000-000000000301");

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet vms = world.set("VirtualMachines");
  private final EntitySet adapters = world.set("VirtualNetworkAdapters");
  private UUID web;
  private UUID webSubnet;
  private UUID back;

  @BeforeEach
  void networksAndTemplate() {
    web = network("web");
    webSubnet = (UUID) world.set("VMSubnets").create(SUBSCRIPTION, world.payload("VMSubnets", "Name", "web-sub",
        "StampId", STAMP, "VMNetworkId", web, "Subnet", "10.0.0.0/24"), false).entity().key().value(0);
    world.set("StaticIPAddressPools").create(SUBSCRIPTION, world.payload("StaticIPAddressPools", "Name", "web-pool",
        "StampId", STAMP, "VMSubnetId", webSubnet, "IPAddressRangeStart", "10.0.0.10", "IPAddressRangeEnd", "10.0.0.20"),
        false);
    back = network("back");
    world.set("VMTemplates").create(SUBSCRIPTION, world.payload("VMTemplates", "ID", TEMPLATE, "StampId", STAMP,
        "Name", "ws2012r2"), false);
  }

  @AfterEach
  void close() {
    world.close();
  }

  private UUID network(String name) {
    return (UUID) world.set("VMNetworks").create(SUBSCRIPTION, world.payload("VMNetworks", "Name", name,
        "StampId", STAMP), false).entity().key().value(0);
  }

  private void templateAdapter(UUID network, int slot) {
    adapters.create(SUBSCRIPTION, world.payload("VirtualNetworkAdapters", "StampId", STAMP, "TemplateId", TEMPLATE,
        "VMNetworkId", network, "SlotId", slot, "MACAddressType", "Static", "MACAddress", "00:1D:D8:00:00:99"), false);
  }

  private EntityRecord vm(String name, List<ComplexValue> inputs) {
    return vms.create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", name, "StampId", STAMP, "CloudId", CLOUD,
        "VMTemplateId", TEMPLATE, "NewVirtualNetworkAdapterInput", inputs), false).entity();
  }

  private ComplexValue input(String networkName) {
    ComplexTypeModel type = world.model.complexTypes().stream()
        .filter(t -> t.name().equals("NewVMVirtualNetworkAdapterInput")).findFirst().orElseThrow();
    Object[] values = new Object[type.properties().size()];
    values[type.property("VMNetworkName").index()] = networkName;
    return new ComplexValue(type, values);
  }

  private List<Map<String, Object>> adaptersOf(EntityRecord vm) {
    return world.adaptersOf(vm);
  }

  @Test
  void eachTemplateAdapterBecomesAnAdapterOfTheVmOnItsNetwork() {
    templateAdapter(back, 1);
    templateAdapter(web, 0);
    EntityRecord vm = vm("web-01", null);
    List<Map<String, Object>> made = adaptersOf(vm);
    assertEquals(2, made.size());
    assertEquals(web, made.get(0).get("VMNetworkId"), "in the template's slot order");
    assertEquals("web", made.get(0).get("VMNetworkName"));
    assertEquals(webSubnet, made.get(0).get("VMSubnetId"), "the network's only subnet");
    assertEquals(List.of("10.0.0.10"), made.get(0).get("IPv4Addresses"), "an address from the subnet's pool");
    assertEquals("Dynamic", made.get(0).get("MACAddressType"), "a MAC from the pool, not the template's");
    assertTrue(((String) made.get(0).get("MACAddress")).startsWith("00:1D:D8:B7:"), made.get(0).toString());
    assertEquals(back, made.get(1).get("VMNetworkId"));
    assertEquals(List.of(), made.get(1).get("IPv4Addresses"), "no pool on that network");
    assertEquals("web-01", made.get(1).get("Name"));
    long templateOwn = adapters.list(SUBSCRIPTION).stream()
        .filter(a -> TEMPLATE.equals(world.read("VirtualNetworkAdapters", a.key()).get("TemplateId"))).count();
    assertEquals(2, templateOwn, "the template's adapters stay as they are");
  }

  @Test
  void anEmptyInputListTakesTheTemplatesAdaptersToo() {
    templateAdapter(web, 0);
    assertEquals(1, adaptersOf(vm("web-01", List.of())).size());
  }

  @Test
  void inputsSentWin() {
    templateAdapter(web, 0);
    templateAdapter(web, 1);
    List<Map<String, Object>> made = adaptersOf(vm("web-01", List.of(input("back"))));
    assertEquals(1, made.size());
    assertEquals(back, made.get(0).get("VMNetworkId"));
  }

  @Test
  void aVmWithoutTemplateGetsNoAdapterFromIt() {
    templateAdapter(web, 0);
    assertTrue(adaptersOf(world.createVm("bare", false)).isEmpty());
  }

  @Test
  void aTemplateAdapterWhoseNetworkIsGoneIsA404AndStoresNothing() {
    templateAdapter(back, 0);
    world.set("VMNetworks").delete(SUBSCRIPTION, VmmFixture.key(back), false);
    ServiceException e = assertThrows(ServiceException.class, () -> vm("web-01", null));
    assertEquals(404, e.status());
    assertTrue(e.getMessage().contains("VMNetworkId") && e.getMessage().contains(back.toString()), e.getMessage());
    assertTrue(vms.list(SUBSCRIPTION).isEmpty());
    assertNull(adapters.list(SUBSCRIPTION).stream().filter(a -> a.value(0) != null
        && world.read("VirtualNetworkAdapters", a.key()).get("VMId") != null).findAny().orElse(null));
  }
}
