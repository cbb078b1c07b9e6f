package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.http.DaseinModels.Cloud;
import dev.spfemu.http.DaseinModels.DiskDrive;
import dev.spfemu.http.DaseinModels.HardwareProfile;
import dev.spfemu.http.DaseinModels.LogicalNetwork;
import dev.spfemu.http.DaseinModels.NatRule;
import dev.spfemu.http.DaseinModels.NetworkAdapter;
import dev.spfemu.http.DaseinModels.Subnet;
import dev.spfemu.http.DaseinModels.Template;
import dev.spfemu.http.DaseinModels.UserAndRole;
import dev.spfemu.http.DaseinModels.Vhd;
import dev.spfemu.http.DaseinModels.VirtualMachine;
import dev.spfemu.http.DaseinModels.VmNetwork;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo world as dasein-cloud-azurepack reads it (CLIENTS.md D.3): its GETs as it sends them
 * ({@code x-ms-version: 2014-02-01}, {@code Accept: application/json}, no version headers, {@code %20}
 * for spaces, keys in the order {@code (StampId=…,ID=…)}), each answer mapped into its strict models
 * ({@link DaseinModels}), and what it then does with the values (integers parsed, owners and states
 * dereferenced): the VM reads with {@code ?$expand=VirtualDiskDrives}, the adapters through
 * {@code VirtualMachines(…)/VirtualNetworkAdapters}, the VM's create (the whole model, the fixture
 * {@code bodies/dasein-vm-create.json}), its polling while {@code StatusString} says {@code Creating},
 * the PUTs of the model as read with {@code Operation} {@code Start} and {@code Shutdown}, the DELETE,
 * and the network and subnet a VLAN becomes (POST, the subnet list, DELETE with {@code Guid'…'} keys).
 */
class DaseinProviderTest extends EmulatorHttpTest {

  /** dasein's VM states that are errors (getVmState); "Creating..." is pending. */
  private static final Set<String> FAILED_STATES = Set.of("Update Failed", "Creation Failed",
      "Customization Failed", "Missing");

  private String tenant() {
    return spf.serviceRoot(SEED_SUBSCRIPTION);
  }

  private static RequestSpecification dasein() {
    return request().header("x-ms-version", "2014-02-01").header("Accept", "application/json");
  }

  /** A VM's URL as dasein writes it: the keys in the order (StampId=…,ID=…). */
  private String vmUrl(VirtualMachine vm) {
    return vmUrl(vm.stampId(), vm.id());
  }

  private String vmUrl(String stamp, String id) {
    return tenant() + "VirtualMachines(StampId=guid'" + stamp + "',ID=guid'" + id + "')";
  }

  private static String get(String url) {
    return dasein().get(url).then().statusCode(200).extract().asString();
  }

  @Test
  void theRegionIsTheSubscriptionsOneCloud() {
    List<Cloud> clouds = DaseinModels.feed(get(tenant() + "Clouds"), Cloud.class);
    assertEquals(1, clouds.size(), "one cloud, one stamp per subscription");
    Cloud region = clouds.get(0);
    assertNotNull(region.id());
    assertNotNull(region.name());
    assertEquals(STAMP, region.stampId(), "the data center");
  }

  @Test
  void hardwareProfilesHaveIntegerCpuCountAndMemory() {
    List<HardwareProfile> profiles = DaseinModels.feed(get(tenant() + "HardwareProfiles"), HardwareProfile.class);
    assertFalse(profiles.isEmpty());
    for (HardwareProfile profile : profiles) {
      assertNotNull(profile.name());
      assertNotNull(profile.description());
      assertTrue(Integer.parseInt(profile.cpuCount()) > 0, profile.name());
      assertTrue(Integer.parseInt(profile.memory()) > 0, profile.name());
    }
  }

  @Test
  void imagesAreEnabledTemplatesAndDisks() {
    List<Template> templates = DaseinModels.feed(get(tenant() + "VMTemplates"), Template.class);
    assertFalse(templates.isEmpty());
    for (Template template : templates) {
      assertEquals("true", template.enabled());
      assertTrue(Set.of("Windows", "Linux").contains(template.osType()), template.osType());
      assertTrue(Integer.parseInt(template.cpuCount()) > 0);
      assertTrue(Integer.parseInt(template.memory()) > 0);
      assertNotNull(template.operatingSystemInstance().name());
    }
    List<Vhd> disks = DaseinModels.feed(get(tenant() + "VirtualHardDisks"), Vhd.class);
    assertFalse(disks.isEmpty());
    for (Vhd disk : disks) {
      assertEquals("true", disk.enabled());
      assertTrue(Long.parseLong(disk.size()) > 0 && Long.parseLong(disk.maximumSize()) >= Long.parseLong(disk.size()));
      assertNotNull(disk.addedTime());
    }
  }

  @Test
  void everyVmHasAnOwnerAStateAndItsProfilesHardware() {
    List<VirtualMachine> vms = DaseinModels.feed(get(tenant() + "VirtualMachines?$expand=VirtualDiskDrives"),
        VirtualMachine.class);
    assertFalse(vms.isEmpty());
    for (VirtualMachine listed : vms) {
      VirtualMachine vm = DaseinModels.entity(get(vmUrl(listed) + "?$expand=VirtualDiskDrives"), VirtualMachine.class);
      assertEquals(listed.virtualDiskDrives(), vm.virtualDiskDrives());
      assertFalse(vm.virtualDiskDrives().isEmpty(), "the demo world's VMs have their system disk");
      for (DiskDrive drive : vm.virtualDiskDrives()) {
        assertNotNull(drive.name());
        assertNotNull(drive.id());
        assertEquals(vm.stampId(), drive.stampId());
        assertNotNull(drive.addedTime());
      }
      assertEquals(listed.name(), vm.name());
      assertNotNull(vm.owner(), "Owner: dasein reads Owner.RoleID");
      assertNotNull(vm.owner().roleId());
      assertNotNull(vm.statusString(), "StatusString: dasein's state");
      assertFalse(FAILED_STATES.contains(vm.statusString()), vm.statusString());
      assertFalse(vm.statusString().toUpperCase(Locale.ROOT).isBlank());
      assertNotNull(vm.cloudId());
      Integer.parseInt(vm.cpuCount());
      Integer.parseInt(vm.memory());
    }
  }

  @Test
  void everyVmHasAnAdapterOnAVmNetworkWithAnAddress() {
    for (VirtualMachine vm : DaseinModels.feed(get(tenant() + "VirtualMachines"), VirtualMachine.class)) {
      List<NetworkAdapter> adapters = DaseinModels.feed(get(vmUrl(vm) + "/VirtualNetworkAdapters"),
          NetworkAdapter.class);
      NetworkAdapter first = adapters.stream().filter(a -> a.vmNetworkId() != null).findFirst()
          .orElseThrow(() -> new AssertionError(vm.name() + " has no adapter on a VM network"));
      assertFalse(first.ipv4Addresses().isEmpty(), vm.name());
      assertNotNull(first.macAddress());
    }
  }

  @Test
  void networksOfferVirtualizationAndTenantNetworks() {
    List<LogicalNetwork> logical = DaseinModels.feed(get(tenant() + "LogicalNetworks"), LogicalNetwork.class);
    LogicalNetwork virtualized = logical.stream().filter(n -> "true".equals(n.virtualization())).findFirst()
        .orElseThrow(() -> new AssertionError("no logical network with network virtualization"));
    assertNotNull(virtualized.stampId());

    List<VmNetwork> networks = DaseinModels.feed(get(tenant() + "VMNetworks"), VmNetwork.class);
    assertFalse(networks.isEmpty());
    for (VmNetwork network : networks) {
      assertEquals("true", network.enabled(), network.name());
      assertNotNull(network.owner().roleId());
      List<Subnet> subnets = DaseinModels.feed(get(tenant() + "VMSubnets()?$filter=StampId%20eq%20guid'"
          + network.stampId() + "'"), Subnet.class);
      assertTrue(subnets.stream().anyMatch(s -> network.id().equals(s.vmNetworkId())), network.name());
    }
    List<NatRule> rules = DaseinModels.feed(get(tenant() + "NATRules()?$filter=StampId%20eq%20guid'" + STAMP
        + "'%20and%20NATConnectionId%20eq%20guid'" + networks.get(0).id() + "'"), NatRule.class);
    assertTrue(rules.isEmpty());
  }

  @Test
  void ownersAndGrantsAreReadAsUserAndRoleWithoutAnyOtherMember() {
    for (String set : new String[] {"VirtualMachines", "HardwareProfiles", "VMTemplates", "VMNetworks",
        "VirtualHardDisks"}) {
      for (JsonNode entity : json(get(tenant() + set)).get("value")) {
        UserAndRole owner = DaseinModels.entity(entity.get("Owner").toString(), UserAndRole.class);
        assertNotNull(owner.roleId(), set);
        // JSON light at minimal metadata writes no odata.type for a value of its declared type
        assertEquals(null, owner.type(), set);
        for (JsonNode granted : entity.path("GrantedToList")) {
          DaseinModels.entity(granted.toString(), UserAndRole.class);
        }
        assertFalse(entity.has("GrantedToList@odata.type"), set);
      }
    }
  }

  private static RequestSpecification daseinBody(String body) {
    return dasein().contentType("application/json").body(body);
  }

  /** dasein's getVmState: the pending, error and other texts of StatusString. */
  private static String state(VirtualMachine vm) {
    assertNotNull(vm.statusString(), "StatusString is dereferenced");
    assertFalse(FAILED_STATES.contains(vm.statusString()), vm.statusString());
    return vm.statusString().contains("Creating") ? "PENDING" : vm.statusString().toUpperCase(Locale.ROOT);
  }

  /** PUTs the model exactly as a GET of the same URL reads it, with an Operation. */
  private VirtualMachine operate(String url, String operation) {
    ObjectNode model = DaseinModels.asSentBack(json(get(url)));
    model.put("Operation", operation);
    model.putArray("VirtualDiskDrives");
    int status = daseinBody(model.toString()).put(url).then().extract().statusCode();
    assertTrue(Set.of(200, 201, 202, 204).contains(status), operation + ": " + status);
    return DaseinModels.entity(get(url), VirtualMachine.class);
  }

  @Test
  void aVmIsLaunchedAwaitedStartedShutDownAndTerminated() {
    Cloud region = DaseinModels.feed(get(tenant() + "Clouds"), Cloud.class).get(0);
    Template template = DaseinModels.feed(get(tenant() + "VMTemplates"), Template.class).get(0);
    String body = fixture("bodies/dasein-vm-create.json").replace("CLOUD_ID", region.id())
        .replace("STAMP_ID", region.stampId()).replace("00000000-0000-4000-8000-000000000301", template.id())
        .replace("tenant-network", DaseinModels.feed(get(tenant() + "VMNetworks"), VmNetwork.class).get(0).name());
    VirtualMachine created = DaseinModels.entity(daseinBody(body).post(tenant() + "VirtualMachines").then()
        .statusCode(201).extract().asString(), VirtualMachine.class);
    assertEquals(region.id(), created.cloudId());

    String expanded = vmUrl(created) + "?$expand=VirtualDiskDrives";
    VirtualMachine vm = DaseinModels.entity(get(expanded), VirtualMachine.class);
    for (int poll = 0; "PENDING".equals(state(vm)) && poll < 200; poll++) {
      vm = DaseinModels.entity(get(expanded), VirtualMachine.class); // every 15 s in dasein
    }
    assertEquals("STOPPED", state(vm));
    assertNotNull(vm.owner(), "dasein reads Owner.RoleID");
    assertNotNull(vm.virtualDiskDrives());

    assertEquals("RUNNING", state(operate(vmUrl(created), "Start")));
    assertEquals("STOPPED", state(operate(vmUrl(created), "Shutdown")));

    dasein().delete(vmUrl(created)).then().statusCode(204);
    dasein().get(vmUrl(created)).then().statusCode(404);
  }

  @Test
  void aVlanIsAVmNetworkWithASubnet() {
    LogicalNetwork logical = DaseinModels.feed(get(tenant() + "LogicalNetworks"), LogicalNetwork.class).stream()
        .filter(n -> "true".equals(n.virtualization())).findFirst().orElseThrow();
    String stamp = logical.stampId();
    VmNetwork network = DaseinModels.entity(daseinBody("{\"odata.metadata\":null,\"odata.type\":\"VMM.VMNetwork\","
        + "\"AddedTime\":null,\"AutoCreateSubnet\":null,\"CAIPAddressPoolType\":null,\"Description\":\"dasein vlan\","
        + "\"Enabled\":null,\"ExternalName\":null,\"GrantedToList@odata.type\":\"Collection(VMM.UserAndRole)\","
        + "\"GrantedToList\":[],\"ID\":\"00000000-0000-0000-0000-000000000000\",\"IsAssigned\":null,"
        + "\"IsolationType\":null,\"LogicalNetworkId\":\"" + logical.id() + "\",\"LogicalNetworkName\":null,"
        + "\"ModifiedTime\":null,\"Name\":\"dasein-vlan\",\"Owner\":{\"odata.type\":\"VMM.UserAndRole\","
        + "\"UserName\":null,\"RoleName\":null,\"RoleID\":null},\"PAIPAddressPoolType\":null,\"PROTipID\":null,"
        + "\"RoutingDomainId\":null,\"StampId\":\"" + stamp + "\"}").post(tenant() + "VMNetworks").then().statusCode(201)
        .extract().asString(), VmNetwork.class);
    assertNotNull(network.id());
    Subnet subnet = DaseinModels.entity(daseinBody("{\"odata.metadata\":null,\"odata.type\":\"VMM.VMSubnet\","
        + "\"ID\":\"00000000-0000-0000-0000-000000000000\",\"Name\":\"dasein-vlan-subnet\",\"StampId\":\"" + stamp
        + "\",\"Subnet\":\"192.168.7.0/24\",\"VMNetworkId\":\"" + network.id() + "\",\"VMNetworkName\":null}")
        .post(tenant() + "VMSubnets").then().statusCode(201).extract().asString(), Subnet.class);
    assertEquals("192.168.7.0/24", subnet.subnet());
    assertEquals(network.id(), subnet.vmNetworkId());

    List<Subnet> subnets = DaseinModels.feed(get(tenant() + "VMSubnets()?$filter=StampId%20eq%20guid'" + stamp + "'"),
        Subnet.class);
    assertTrue(subnets.stream().anyMatch(s -> subnet.id().equals(s.id()) && network.id().equals(s.vmNetworkId())));

    dasein().delete(tenant() + "VMSubnets(ID=Guid'" + subnet.id() + "',StampId=Guid'" + stamp + "')").then()
        .statusCode(204);
    dasein().delete(tenant() + "VMNetworks(ID=Guid'" + network.id() + "',StampId=Guid'" + stamp + "')").then()
        .statusCode(204);
    assertTrue(DaseinModels.feed(get(tenant() + "VMSubnets()?$filter=StampId%20eq%20guid'" + stamp + "'"), Subnet.class)
        .stream().noneMatch(s -> subnet.id().equals(s.id())));
    dasein().get(tenant() + "VMNetworks(ID=Guid'" + network.id() + "',StampId=Guid'" + stamp + "')").then()
        .statusCode(404);
  }

  /** The models fail where dasein's fail, so that the tests above would notice. */
  @Test
  void theModelsAreAsStrictAsDaseins() {
    assertThrows(AssertionError.class, () -> DaseinModels.feed(
        "{\"odata.metadata\":\"m\",\"value\":[],\"odata.nextLink\":\"n\"}", Cloud.class));
    assertThrows(AssertionError.class, () -> DaseinModels.feed(
        "{\"odata.metadata\":\"m\",\"value\":[{\"ID\":\"c\",\"ShieldedVMSupportPolicy\":\"x\"}]}", Cloud.class));
    assertThrows(AssertionError.class, () -> DaseinModels.entity(
        "{\"UserName\":\"u\",\"RoleName\":\"r\",\"RoleID\":null,\"Extra\":1}", UserAndRole.class));
    assertThrows(AssertionError.class, () -> DaseinModels.entity(
        "{\"VMNetworkAssignments\":[{\"VMNetworkName\":\"n\"}]}", VirtualMachine.class));
  }
}
