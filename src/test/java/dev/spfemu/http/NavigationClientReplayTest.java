package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The navigation parts of the public WAP and SPF clients (CLIENTS.md §D), replayed with their own
 * headers and URLs and read back the way they read them.
 */
class NavigationClientReplayTest extends NavigationWorldTest {

  /** D.1 WAPTenantPublicAPI: every VM with its adapters and drives; adapters' addresses become RDP targets. */
  @Test
  void tenantPublicApiModuleReadsEachVmsAdapterAddresses() {
    String body = request()
        .header("Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.")
        .header("x-ms-principal-id", "tenant@fabrikam.com")
        .header("Accept", "application/json")
        .get(root() + "VirtualMachines()?$expand=VirtualNetworkAdapters,VirtualDVDDrives,VirtualDiskDrives,"
            + "VirtualHardDisks")
        .then().statusCode(200).extract().asString();
    JsonNode value = json(body).get("value");
    List<String> rdpTargets = new ArrayList<>();
    for (JsonNode vm : value) {
      for (String read : new String[] {"ComputerName", "VirtualMachineState", "Status", "ID", "StampId"}) {
        assertTrue(vm.has(read), read);
      }
      for (JsonNode adapter : vm.get("VirtualNetworkAdapters")) {
        assertTrue(adapter.get("IPv6Addresses").isArray());
        assertNotNull(adapter.get("VMNetworkName"));
        adapter.get("IPv4Addresses").forEach(address -> rdpTargets.add(vm.get("Name").asText() + "=" + address.asText()));
      }
      assertTrue(vm.get("VirtualDVDDrives").isArray());
      assertTrue(vm.get("VirtualDiskDrives").isArray());
      assertTrue(vm.get("VirtualHardDisks").isArray());
    }
    assertEquals(List.of("web-01=10.0.0.4", "web-01=10.0.1.4", "db-01=10.0.0.5"), rdpTargets);
  }

  /** D.2 Terraform provider: SPF's own root with its doubled slash; the i-th configured adapter's MACAddress. */
  @Test
  void terraformProviderReadsTheMacAddressOfEachAdapter() {
    String body = request()
        .header("Accept", "application/json")
        .header("User-Agent", "Go-http-client/1.1")
        .header("Accept-Encoding", "gzip")
        .get(spfRoot() + "/" + WEB + "/VirtualNetworkAdapters")
        .then().statusCode(200).extract().asString();
    JsonNode adapters = json(body).get("value");
    assertEquals("00:1D:D8:B7:1C:01", adapters.get(0).get("MACAddress").asText());
    assertEquals("00:1D:D8:B7:1C:02", adapters.get(1).get("MACAddress").asText());
  }

  /**
   * D.3 dasein: keys in the other order; its feed model allows nothing but {@code odata.metadata} and
   * {@code value}, and it reads the drives of the expanded VM.
   */
  @Test
  void daseinReadsAdaptersAndExpandedDrivesWithKeysInTheOtherOrder() {
    String reversed = "VirtualMachines(StampId=guid'" + STAMP_A + "',ID=guid'f0000000-0000-4000-8000-000000000001')";
    JsonNode adapters = json(request().header("Accept", "application/json").header("x-ms-version", "2014-02-01")
        .get(root() + reversed + "/VirtualNetworkAdapters").then().statusCode(200).extract().asString());
    assertEquals(List.of("odata.metadata", "value"), fieldNames(adapters));
    assertEquals("10.0.0.4", adapters.get("value").get(0).get("IPv4Addresses").get(0).asText());
    JsonNode vm = json(request().header("Accept", "application/json").header("x-ms-version", "2014-02-01")
        .get(root() + reversed + "?$expand=VirtualDiskDrives").then().statusCode(200).extract().asString());
    JsonNode drive = vm.get("VirtualDiskDrives").get(0);
    for (String read : new String[] {"Name", "ID", "StampId", "AddedTime"}) {
      assertTrue(drive.has(read), read);
    }
  }

  /** D.4 Electric Commander: the first adapter's first IPv4 address becomes the resource's host name. */
  @Test
  void electricCommanderTakesTheFirstAdaptersFirstAddress() {
    String reversed = "VirtualMachines(StampId=guid'" + STAMP_A + "',ID=guid'f0000000-0000-4000-8000-000000000001')";
    JsonNode vm = json(request().header("Accept", "application/json").contentType("application/json")
        .get(root() + reversed + "?$expand=VirtualNetworkAdapters,VirtualDVDDrives,VirtualDiskDrives,VirtualHardDisks")
        .then().statusCode(200).extract().asString());
    assertEquals("10.0.0.4", vm.get("VirtualNetworkAdapters").get(0).get("IPv4Addresses").get(0).asText());
  }

  /** D.5 WAPack cmdlets: a template's adapters counted, VMs expanded six ways and filtered by name. */
  @Test
  void wapackCountsTemplateAdaptersAndExpandsVms() {
    JsonNode templates = json(request().header("Accept", "application/json").contentType("application/json")
        .get(root() + "VMTemplates?$expand=VirtualNetworkAdapters&$filter=ID%20eq%20guid'7e7e7e7e-0000-4000-8000-000000000001'")
        .then().statusCode(200).extract().asString()).get("value");
    assertEquals(1, templates.get(0).get("VirtualNetworkAdapters").size());
    JsonNode vms = json(request().header("Accept", "application/json").contentType("application/json")
        .get(root() + "VirtualMachines?$expand=VirtualNetworkAdapters,VMCheckpoints,VirtualSCSIAdapters,"
            + "VirtualHardDisks,VirtualDVDDrives,VirtualDiskDrives&$filter=Name%20eq%20'web-01'")
        .then().statusCode(200).extract().asString()).get("value");
    assertEquals(1, vms.size());
    assertEquals("Before patching", vms.get(0).get("VMCheckpoints").get(0).get("Name").asText());
    assertEquals("SCSI 0", vms.get(0).get("VirtualSCSIAdapters").get(0).get("Name").asText());
  }

  /**
   * D.6 MgmtSvcEx: the clouds at full metadata, then each cloud's logical networks by appending its
   * {@code LogicalNetworks@odata.navigationLinkUrl} to the root as text (so the link must be relative).
   * Here on SPF's all-subscriptions root; {@code MgmtSvcExTest} replays the same on WAP's admin root.
   */
  @Test
  void mgmtSvcExFollowsTheRelativeLogicalNetworksLinkOfEachCloud() {
    String admin = spfRoot();
    JsonNode clouds = json(request().header("Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.")
        .header("x-ms-principal-id", "admin@fabrikam.com").header("Accept", FULL)
        .get(admin + "Clouds()").then().statusCode(200).extract().asString()).get("value");
    List<String> networks = new ArrayList<>();
    for (JsonNode cloud : clouds) {
      assertNotNull(cloud.get("StampId"));
      String link = cloud.get("LogicalNetworks@odata.navigationLinkUrl").asText();
      assertTrue(link.startsWith("Clouds(ID=guid'"), link);
      JsonNode value = json(request().header("Accept", FULL).get(admin + link).then().statusCode(200)
          .extract().asString()).get("value");
      value.forEach(network -> networks.add(cloud.get("Name").asText() + ":" + network.get("Name").asText()
          + ":" + network.get("ID").asText().substring(0, 8)));
    }
    assertEquals(List.of("Gold Cloud:Tenant Network:11111111", "Gold Cloud:Internet:11111111",
        "Silver Cloud:Dev Network:22222222"), networks);
  }
}
