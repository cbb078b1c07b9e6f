package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bgelens/WAPTenantPublicAPI ({@code WapTenantPublicAPI.psm1}, CLIENTS.md D.1) replayed against the
 * demo world's seed subscription: every call with {@code Authorization: Bearer <jwt>} (no
 * authentication yet: it must be ignored), {@code x-ms-principal-id} and {@code Accept:
 * application/json}; bodies {@code Content-Type: application/json} as PowerShell 5's
 * {@code ConvertTo-Json} writes a hashtable (its own key order, {@code "Key":  value}); {@code +} for
 * the spaces of {@code $filter}; {@code Expect: 100-continue} before a body, as .NET's HttpWebRequest
 * under {@code Invoke-RestMethod} does. Replies are read as PowerShell reads them: property names
 * case-insensitively, collections through {@code .value}.
 */
class TenantPublicApiModuleTest extends EmulatorHttpTest {

  private static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ1cG4iOiJ0ZW5hbnRAZmFicmlrYW0uY29tIn0.c2ln";
  private static final String USER = "tenant@fabrikam.com";
  private static final String TEMPLATE = "00000000-0000-4000-8000-000000000301";
  private static final String LOGICAL_NETWORK = "00000000-0000-4000-8000-000000000401";

  @BeforeEach
  void resetWorld() {
    spf.reset();
  }

  private String root() {
    return spf.serviceRoot(SEED_SUBSCRIPTION);
  }

  private RawHttp.Reply call(String method, String url, String body, String... extra) {
    List<String> headers = new ArrayList<>(List.of("User-Agent: Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US)"
        + " WindowsPowerShell/5.1.14393.0", "Authorization: Bearer " + JWT, "x-ms-principal-id: " + USER,
        "Accept: application/json"));
    if (body != null) {
      headers.add("Content-Type: application/json");
    }
    headers.addAll(List.of(extra));
    return RawHttp.send(method, URI.create(url), body, headers.toArray(String[]::new));
  }

  private RawHttp.Reply tenant(String method, String path, String body, String... extra) {
    return call(method, root() + path, body, extra);
  }

  private JsonNode ok(RawHttp.Reply reply, int status) {
    assertEquals(status, reply.status(), reply.body());
    return reply.body().isEmpty() ? null : json(reply.body());
  }

  /** A GET read through {@code .value}. */
  private List<JsonNode> list(String path, String... extra) {
    JsonNode value = ok(tenant("GET", path, null, extra), 200).get("value");
    assertNotNull(value, path);
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** A property as PowerShell reads it: the name matched case-insensitively. */
  static JsonNode ps(JsonNode node, String name) {
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    throw new AssertionError("no property " + name + " in " + fieldNames(node));
  }

  /** PowerShell 5's ConvertTo-Json of a hashtable: four-space indent, two spaces after the colon. */
  private static String convertToJson(Object... keysAndValues) {
    StringBuilder text = new StringBuilder("{\r\n");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      text.append("    \"").append(keysAndValues[i]).append("\":  ");
      Object value = keysAndValues[i + 1];
      text.append(value instanceof JsonText raw ? raw.text() : JSON.valueToTree(value).toString());
      text.append(i + 2 < keysAndValues.length ? ",\r\n" : "\r\n");
    }
    return text.append('}').toString();
  }

  /** JSON written into a body as it is. */
  private record JsonText(String text) {
  }

  private static String key(String id, String stamp) {
    return "(ID=guid'" + id + "',StampId=guid'" + stamp + "')";
  }

  private static String capitalKey(String id, String stamp) {
    return "(ID=Guid'" + id + "',StampId=Guid'" + stamp + "')";
  }

  @Test
  void theListCmdletsReadWhatTheyNeed() {
    List<JsonNode> clouds = list("Clouds");
    assertEquals(1, clouds.size(), "one cloud per subscription");
    assertEquals(CLOUD, ps(clouds.get(0), "ID").asText());
    assertEquals(STAMP, ps(clouds.get(0), "StampId").asText());
    JsonNode template = list("VMTemplates").stream().filter(t -> ps(t, "Name").asText().startsWith("Windows"))
        .findFirst().orElseThrow();
    assertEquals(TEMPLATE, ps(template, "ID").asText());
    assertEquals(STAMP, ps(template, "StampId").asText());
    JsonNode network = list("VMNetworks").get(0);
    assertEquals("Fabrikam Web", ps(network, "Name").asText());
    assertTrue(ps(network, "ID").asText().matches(GUID));
    assertEquals(STAMP, ps(network, "StampId").asText());
    assertEquals("WindowsNetworkVirtualization", ps(network, "IsolationType").asText());
    assertTrue(ps(list("LogicalNetworks").get(0), "NetworkVirtualizationEnabled").isBoolean());
    list("VMRoleSizeProfiles");

    List<JsonNode> disks = list("VirtualHardDisks");
    assertFalse(disks.isEmpty());
    for (JsonNode disk : disks) {
      assertTrue(ps(disk, "tag").isArray(), disk.toString());
      assertTrue(ps(disk, "enabled").isBoolean());
      for (String time : List.of("AddedTime", "ModifiedTime", "ReleaseTime")) {
        JsonNode value = ps(disk, time);
        if (!value.isNull()) {
          OffsetDateTime.parse(value.asText()); // [DateTime] cast
        }
      }
    }
  }

  @Test
  void getWapVmExpandsTheDevicesAndFindsTheRdpTargets() {
    List<JsonNode> vms = list("VirtualMachines()?$expand=VirtualNetworkAdapters,VirtualDVDDrives,"
        + "VirtualDiskDrives,VirtualHardDisks");
    JsonNode web = vms.stream().filter(vm -> ps(vm, "ComputerName").asText().equals("web-01")).findFirst().orElseThrow();
    assertEquals("Running", ps(web, "VirtualMachineState").asText());
    assertEquals("Running", ps(web, "Status").asText());
    assertEquals(VM, ps(web, "ID").asText());
    assertEquals(STAMP, ps(web, "StampId").asText());
    JsonNode adapter = ps(web, "VirtualNetworkAdapters").get(0);
    assertEquals("10.0.0.10", ps(adapter, "IPv4Addresses").get(0).asText());
    assertTrue(ps(adapter, "IPv6Addresses").isArray());
    assertEquals("Fabrikam Web", ps(adapter, "VMNetworkName").asText());
    for (JsonNode vm : vms) {
      assertTrue(ps(vm, "VirtualDVDDrives").isArray());
      assertTrue(ps(vm, "VirtualDiskDrives").isArray());
      assertTrue(ps(vm, "VirtualHardDisks").isArray());
    }
  }

  /** Get-WAPVM -VMMEnhanced: the keys in braces, which .NET's Uri escapes as {@code %7B…%7D}. */
  @Test
  void theVmByKeyWithBracesCarriesOwnerCreationAndDeploymentErrors() {
    JsonNode vm = ok(tenant("GET", "VirtualMachines(ID=guid'%7B" + VM + "%7D',StampId=guid'%7B" + STAMP + "%7D')", null), 200);
    assertEquals(USER, ps(ps(vm, "Owner"), "UserName").asText());
    OffsetDateTime.parse(ps(vm, "CreationTime").asText());
    ps(vm, "DeploymentErrorInfo");
    assertEquals("Running", ps(vm, "Status").asText());
  }

  private String newVmBody(String name) {
    return convertToJson("LocalAdminPassword", "P@ssw0rd!", "VMTemplateId", TEMPLATE, "StartVM", true,
        "ComputerName", name, "NewVirtualNetworkAdapterInput",
        new JsonText("[\r\n        {\r\n            \"VMNetworkName\":  \"Fabrikam Web\"\r\n        }\r\n    ]"),
        "CloudId", CLOUD, "Name", name, "LocalAdminUserName", "Administrator", "StampId", STAMP);
  }

  /** New-WAPVM: the reply entity is the object later piped to Start/Stop/Remove. */
  private JsonNode newVm(String name, String async) {
    JsonNode vm = ok(tenant("POST", "VirtualMachines?RunAsynchronously=" + async, newVmBody(name)), 201);
    assertTrue(ps(vm, "ID").asText().matches(GUID));
    assertEquals(STAMP, ps(vm, "StampId").asText());
    assertNotNull(ps(vm, "Status").textValue(), vm.toString());
    return vm;
  }

  private String vmStatus(JsonNode vm) {
    return ps(ok(tenant("GET", "VirtualMachines" + key(ps(vm, "ID").asText(), STAMP), null), 200), "Status").asText();
  }

  private void operation(JsonNode vm, String operation, String query) {
    String path = "VirtualMachines" + key(ps(vm, "ID").asText(), STAMP) + query;
    ok(tenant("PUT", path, convertToJson("Operation", operation)), 204);
  }

  /** Remove-WAPVM: a Stop first if the object's Status is Running, then the DELETE. */
  private void removeVm(JsonNode vm, String async) {
    if (vmStatus(vm).equals("Running")) {
      operation(vm, "Stop", "");
    }
    String path = "VirtualMachines" + key(ps(vm, "ID").asText(), STAMP) + "?RunAsynchronously=" + async;
    ok(tenant("DELETE", path, null), 204);
  }

  /** StartVM is true: the new VM runs; Stop-WAPVM shuts it down (or turns it off), Start-WAPVM starts it. */
  private void startStopAndRemove(JsonNode vm, String async) {
    String query = async.equals("1") ? "?RunAsynchronously=1" : "";
    assertEquals("Running", vmStatus(vm));
    operation(vm, "Shutdown", query);
    assertEquals("PowerOff", vmStatus(vm));
    operation(vm, "Start", "");
    assertEquals("Running", vmStatus(vm));
    operation(vm, "Stop", query);
    assertEquals("PowerOff", vmStatus(vm));
    operation(vm, "Start", "");
    removeVm(vm, async);
    ok(tenant("GET", "VirtualMachines" + key(ps(vm, "ID").asText(), STAMP), null), 404);
  }

  @Test
  void newStartStopAndRemoveAVmSynchronously() {
    startStopAndRemove(newVm("tpa-sync", "0"), "0");
  }

  @Test
  void newStartStopAndRemoveAVmAsynchronously() {
    startStopAndRemove(newVm("tpa-async", "1"), "1");
  }

  @Test
  void aVmNetworkWithASubnetAndAnIpPoolIsMadeChangedAndRemoved() {
    JsonNode network = ok(tenant("POST", "VMNetworks", convertToJson("Description", "made by the module",
        "LogicalNetworkId", LOGICAL_NETWORK, "StampId", STAMP, "Name", "tpa-net")), 201);
    String networkId = ps(network, "ID").asText();
    assertEquals("WindowsNetworkVirtualization", ps(network, "IsolationType").asText(),
        "Add-WAPVMNetworkSubnet refuses other networks");
    String grant = "{\r\n    \"GrantedToList@odata.type\":  \"Collection(VMM.UserAndRole)\",\r\n"
        + "    \"StampId\":  \"" + STAMP + "\",\r\n    \"ID\":  \"" + networkId + "\",\r\n"
        + "    \"GrantedToList\":  [\r\n        {\r\n            \"RoleName\":  \"Tenant - fabrikam\"\r\n"
        + "        }\r\n    ]\r\n}";
    ok(tenant("PUT", "VMNetworks" + key(networkId, STAMP), grant), 204);
    JsonNode granted = ok(tenant("GET", "VMNetworks" + key(networkId, STAMP), null), 200);
    assertEquals("Tenant - fabrikam", ps(ps(granted, "GrantedToList").get(0), "RoleName").asText());

    JsonNode subnet = ok(tenant("POST", "VMSubnets", convertToJson("Subnet", "192.168.10.0/24", "VMNetworkId",
        networkId, "Name", "tpa-netIPPool", "StampId", STAMP)), 201);
    String subnetId = ps(subnet, "ID").asText();
    assertEquals(STAMP, ps(subnet, "StampId").asText());
    assertEquals("192.168.10.0/24", ps(subnet, "Subnet").asText());
    List<JsonNode> subnets = list("VMSubnets?$filter=StampId+eq+guid'" + STAMP + "'+and+VMNetworkId+eq+guid'"
        + networkId + "'", "Content-Type: application/json");
    assertEquals(List.of(subnetId), subnets.stream().map(s -> ps(s, "ID").asText()).toList());

    JsonNode pool = ok(tenant("POST", "StaticIPAddressPools", convertToJson("IPAddressRangeEnd", "192.168.10.200",
        "VMSubnetId", subnetId, "Name", "tpa-pool", "Subnet", ps(subnet, "Subnet").asText(), "StampId",
        ps(subnet, "StampId").asText(), "IPAddressRangeStart", "192.168.10.100")), 201);
    String poolId = ps(pool, "ID").asText();
    List<JsonNode> pools = list("StaticIPAddressPools?$filter=StampId+eq+guid'" + STAMP + "'+and+VMSubnetId+eq+guid'"
        + subnetId + "'");
    assertEquals(List.of(poolId), pools.stream().map(p -> ps(p, "ID").asText()).toList());
    ok(tenant("PUT", "StaticIPAddressPools" + capitalKey(poolId, STAMP), convertToJson("DNSServers",
        List.of("192.168.10.1", "192.168.10.2"), "EnableNetBIOS", false, "DNSSuffix", "fabrikam.local")), 204);
    JsonNode changed = ok(tenant("GET", "StaticIPAddressPools" + key(poolId, STAMP), null), 200);
    assertEquals("192.168.10.2", ps(changed, "DNSServers").get(1).asText());
    assertEquals("fabrikam.local", ps(changed, "DNSSuffix").asText());
    assertEquals("tpa-pool", ps(changed, "Name").asText(), "what the PUT did not give stays");
    assertEquals("192.168.10.100", ps(changed, "IPAddressRangeStart").asText());

    ok(tenant("DELETE", "StaticIPAddressPools" + capitalKey(poolId, STAMP), null), 204);
    ok(tenant("DELETE", "VMSubnets" + capitalKey(subnetId, STAMP), null), 204);
    ok(tenant("DELETE", "VMNetworks" + key(networkId, STAMP) + "?RunAsynchronously=1", null), 204);
    ok(tenant("GET", "VMNetworks" + key(networkId, STAMP), null), 404);
  }

  @Test
  void getWapAdminCloudListsTheCloudsOnTheWapAdminRoot() {
    String admin = spf.baseUrl() + "/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
    JsonNode clouds = ok(call("GET", admin + "Clouds()", null), 200).get("value");
    List<String> names = new ArrayList<>();
    clouds.forEach(cloud -> names.add(ps(cloud, "Name").asText()));
    assertTrue(names.containsAll(List.of("Gold Cloud", "Silver Cloud")), names.toString());
  }
}
