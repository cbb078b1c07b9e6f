package dev.spfemu.vmm.network;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static dev.spfemu.vmm.VmmFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A VM network, subnet or static IP pool that VMs' adapters use cannot be deleted until the VMs are gone. */
class NetworksInUseTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final EntitySet networks = world.set("VMNetworks");
  private final EntitySet subnets = world.set("VMSubnets");
  private final EntitySet pools = world.set("StaticIPAddressPools");
  private UUID network;
  private UUID subnet;
  private UUID pool;

  @BeforeEach
  void networks() {
    network = (UUID) networks.create(SUBSCRIPTION, world.payload("VMNetworks", "Name", "web",
        "StampId", STAMP), false).entity().key().value(0);
    subnet = (UUID) subnets.create(SUBSCRIPTION, world.payload("VMSubnets", "Name", "web-sub",
        "StampId", STAMP, "VMNetworkId", network, "Subnet", "10.0.0.0/24"), false).entity().key().value(0);
    pool = (UUID) pools.create(SUBSCRIPTION, world.payload("StaticIPAddressPools", "Name", "web-pool",
        "StampId", STAMP, "VMSubnetId", subnet, "IPAddressRangeStart", "10.0.0.10", "IPAddressRangeEnd", "10.0.0.20"),
        false).entity().key().value(0);
  }

  @AfterEach
  void close() {
    world.close();
  }

  private EntityRecord vm(String name) {
    ComplexTypeModel type = world.model.complexTypes().stream()
        .filter(t -> t.name().equals("NewVMVirtualNetworkAdapterInput")).findFirst().orElseThrow();
    Object[] values = new Object[type.properties().size()];
    values[type.property("VMNetworkName").index()] = "web";
    return world.set("VirtualMachines").create(SUBSCRIPTION, world.payload("VirtualMachines", "Name", name,
        "StampId", STAMP, "CloudId", CLOUD, "NewVirtualNetworkAdapterInput", List.of(new ComplexValue(type, values))),
        false).entity();
  }

  private ServiceException refusedDelete(EntitySet set, UUID id) {
    int jobs = world.set("Jobs").list(SUBSCRIPTION).size();
    ServiceException refused = assertThrows(ServiceException.class, () -> set.delete(SUBSCRIPTION, key(id), false));
    assertEquals(400, refused.status());
    assertEquals("ResourceInUse", refused.code());
    assertEquals(jobs, world.set("Jobs").list(SUBSCRIPTION).size(), "no delete job started");
    set.read(SUBSCRIPTION, key(id)); // still there
    return refused;
  }

  @Test
  void aVmNetworkWithAVmsAdaptersCannotBeDeleted() {
    vm("web-02");
    vm("web-01");
    ServiceException refused = refusedDelete(networks, network);
    assertEquals("The VM network 'web' cannot be deleted: the network adapters of the virtual machines 'web-01',"
        + " 'web-02' are connected to it. Delete those virtual machines (or their network adapters) first, then"
        + " delete the VM network 'web' again.", refused.getMessage());
  }

  @Test
  void aSubnetWithAVmsAdapterCannotBeDeleted() {
    vm("web-01");
    ServiceException refused = refusedDelete(subnets, subnet);
    assertTrue(refused.getMessage().startsWith("The VM subnet 'web-sub' cannot be deleted: the network adapters of"
        + " the virtual machine 'web-01' are on it. Delete that virtual machine"), refused.getMessage());
  }

  @Test
  void aPoolThatHandedOutAnAddressCannotBeDeleted() {
    vm("web-01");
    ServiceException refused = refusedDelete(pools, pool);
    assertTrue(refused.getMessage().contains("static IP address pool 'web-pool'")
        && refused.getMessage().contains("'web-01' hold addresses from it"), refused.getMessage());
  }

  @Test
  void anotherPoolOfTheSameSubnetCanBeDeleted() {
    vm("web-01");
    UUID other = (UUID) pools.create(SUBSCRIPTION, world.payload("StaticIPAddressPools", "Name", "spare",
        "StampId", STAMP, "VMSubnetId", subnet, "IPAddressRangeStart", "10.0.0.30", "IPAddressRangeEnd", "10.0.0.31"),
        false).entity().key().value(0);
    pools.delete(SUBSCRIPTION, key(other), false);
    assertEquals(1, pools.list(SUBSCRIPTION).size());
  }

  @Test
  void onceTheVmIsDeletedPoolSubnetAndNetworkCanBeDeleted() {
    EntityRecord vm = vm("web-01");
    world.set("VirtualMachines").delete(SUBSCRIPTION, vm.key(), false);
    pools.delete(SUBSCRIPTION, key(pool), false);
    subnets.delete(SUBSCRIPTION, key(subnet), false);
    networks.delete(SUBSCRIPTION, key(network), false);
    assertTrue(networks.list(SUBSCRIPTION).isEmpty());
    assertTrue(subnets.list(SUBSCRIPTION).isEmpty());
    assertTrue(pools.list(SUBSCRIPTION).isEmpty());
  }

  @Test
  void anAdapterOfNoVmDoesNotHoldTheNetwork() {
    world.set("VirtualNetworkAdapters").create(SUBSCRIPTION, world.payload("VirtualNetworkAdapters", "Name", "nic",
        "StampId", STAMP, "VMNetworkId", network, "VMSubnetId", subnet), false);
    pools.delete(SUBSCRIPTION, key(pool), false);
    subnets.delete(SUBSCRIPTION, key(subnet), false);
    networks.delete(SUBSCRIPTION, key(network), false);
    assertTrue(networks.list(SUBSCRIPTION).isEmpty());
  }

  @Test
  void aVmNetworkWithSubnetsOrASubnetWithPoolsCannotBeDeleted() {
    ServiceException network = refusedDelete(networks, this.network);
    assertEquals("The VM network 'web' cannot be deleted: it still has the VM subnets 'web-sub'. Delete those"
        + " first, then delete the VM network 'web' again.", network.getMessage());
    ServiceException subnet = refusedDelete(subnets, this.subnet);
    assertEquals("The VM subnet 'web-sub' cannot be deleted: it still has the static IP address pools 'web-pool'."
        + " Delete those first, then delete the VM subnet 'web-sub' again.", subnet.getMessage());
    pools.delete(SUBSCRIPTION, key(pool), false);
    subnets.delete(SUBSCRIPTION, key(this.subnet), false);
    networks.delete(SUBSCRIPTION, key(this.network), false);
    assertTrue(networks.list(SUBSCRIPTION).isEmpty());
  }
}
