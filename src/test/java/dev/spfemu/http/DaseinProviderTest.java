package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.http.DaseinModels.Cloud;
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
 * dereferenced).
 *
 * <p>Left out, because other changes add them: the VM reads with {@code ?$expand=VirtualDiskDrives}
 * and the path segment {@code VirtualMachines(…)/VirtualNetworkAdapters} (navigation properties; the
 * adapters are read here with a filter on {@code VMId} instead), and the create and update bodies
 * (the whole model with {@code "odata.metadata": null} and {@code "VirtualDiskDrives": []}, which need
 * lenient body reading).
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
    // dasein lists with ?$expand=VirtualDiskDrives; without navigation properties the plain list is read
    List<VirtualMachine> vms = DaseinModels.feed(get(tenant() + "VirtualMachines"), VirtualMachine.class);
    assertFalse(vms.isEmpty());
    for (VirtualMachine listed : vms) {
      String byKey = tenant() + "VirtualMachines(StampId=guid'" + listed.stampId() + "',ID=guid'" + listed.id() + "')";
      VirtualMachine vm = DaseinModels.entity(get(byKey), VirtualMachine.class);
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
      // dasein reads VirtualMachines(StampId=…,ID=…)/VirtualNetworkAdapters; a filter stands in for the path
      List<NetworkAdapter> adapters = DaseinModels.feed(get(tenant() + "VirtualNetworkAdapters?$filter=VMId%20eq%20guid'"
          + vm.id() + "'"), NetworkAdapter.class);
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
