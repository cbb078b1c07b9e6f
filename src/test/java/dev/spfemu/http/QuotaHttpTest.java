package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Quotas over HTTP: a subscription's QuotaAndUsageComponents show its role's quota and real usage,
 * and a create or hardware change beyond the role's quota or the cloud's capacity is a 400 in the
 * request's format. Each test loads its own world: subscription {@code s} with quotas VMCount 2,
 * CPUCount 4, MemoryMB 8192, StorageGB 100 on {@link #CLOUD}, whose capacity (MemoryMB 6144) it
 * shares with subscription {@code other}, which has a VM of 2048 MB there.
 */
class QuotaHttpTest extends EmulatorHttpTest {

  private static final List<String> DIMENSIONS = List.of("VMCount", "CPUCount", "MemoryMB", "StorageGB");

  private String s;
  private String root;

  /** Replaces the emulator's world by the quota world, with {@code vms} (JSON objects) in {@code s}. */
  private void world(String vms, String roleUsage) throws IOException {
    s = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    StringBuilder components = new StringBuilder();
    long[] quotas = {2, 4, 8192, 100};
    for (int i = 0; i < DIMENSIONS.size(); i++) {
      components.append(i == 0 ? "" : ",").append("{\"ID\":\"").append(CLOUD).append("\",\"StampId\":\"").append(STAMP)
          .append("\",\"UserRoleID\":\"").append(s).append("\",\"QuotaDimension\":\"").append(DIMENSIONS.get(i))
          .append("\",\"RoleQuota\":\"").append(quotas[i]).append("\",\"UseRoleQuotaMaximum\":false,\"RoleUsage\":\"")
          .append(roleUsage).append("\"}");
    }
    String cloud = "{\"ID\":\"" + CLOUD + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"Gold Cloud\"}";
    String world = "{\"subscriptions\":["
        + "{\"id\":\"" + s + "\",\"entities\":{\"Clouds\":[" + cloud + "],"
        + "\"CloudCapacities\":[{\"CloudId\":\"" + CLOUD + "\",\"StampId\":\"" + STAMP + "\",\"VMCount\":\"10\","
        + "\"MemoryMB\":\"6144\",\"UseMemoryMBMaximum\":false}],"
        + "\"UserRoles\":[{\"ID\":\"" + s + "\",\"Name\":\"Tenant - quota\"}],"
        + "\"QuotaAndUsageComponents\":[" + components + "],\"VirtualMachines\":[" + vms + "]}},"
        + "{\"id\":\"" + other + "\",\"entities\":{\"Clouds\":[" + cloud + "],\"VirtualMachines\":["
        + "{\"ID\":\"" + UUID.randomUUID() + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"theirs\",\"CloudId\":\""
        + CLOUD + "\",\"CPUCount\":2,\"Memory\":2048}]}}]}";
    spf.importState(new ByteArrayInputStream(world.getBytes(StandardCharsets.UTF_8)), "the quota world");
    root = spf.serviceRoot(s);
  }

  private void world() throws IOException {
    world("", "0");
  }

  private static String vm(String name, int cpu, int memory) {
    return "{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\",\"CPUCount\":" + cpu
        + ",\"Memory\":" + memory + "}";
  }

  private String create(int cpu, int memory) {
    return jsonLight().body(vm("vm", cpu, memory)).post(root + "VirtualMachines").then().statusCode(201).extract()
        .header("Location");
  }

  private static String atomVm(int cpu, int memory) {
    return vmAtomEntry("<d:Name>atom</d:Name><d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>"
        + "<d:CloudId m:type=\"Edm.Guid\">" + CLOUD + "</d:CloudId><d:CPUCount m:type=\"Edm.Byte\">" + cpu
        + "</d:CPUCount><d:Memory m:type=\"Edm.Int32\">" + memory + "</d:Memory>");
  }

  /** The role's usage per dimension, as JSON light shows it. */
  private Map<String, String> usage() {
    Map<String, String> usage = new HashMap<>();
    for (JsonNode component : json(jsonLight().get(root + "QuotaAndUsageComponents").then().statusCode(200)
        .extract().asString()).get("value")) {
      usage.put(component.get("QuotaDimension").asText(), component.get("RoleUsage").asText());
    }
    return usage;
  }

  private static Map<String, String> usage(String vms, String cpus, String memory, String storage) {
    return Map.of("VMCount", vms, "CPUCount", cpus, "MemoryMB", memory, "StorageGB", storage);
  }

  private int vmCount() {
    return json(jsonLight().get(root + "VirtualMachines").then().statusCode(200).extract().asString()).get("value")
        .size();
  }

  @Test
  void aComponentIsOneDimensionOfOneRoleOnOneCloudInJsonLight() throws IOException {
    world();
    String key = "QuotaAndUsageComponents(ID=guid'" + CLOUD + "',StampId=guid'" + STAMP + "',UserRoleID=guid'" + s
        + "',QuotaDimension='CPUCount')";
    JsonNode component = json(jsonLight().get(root + key).then().statusCode(200).extract().asString());
    assertEquals(CLOUD, component.get("ID").asText());
    assertEquals(s, component.get("UserRoleID").asText());
    assertEquals("CPUCount", component.get("QuotaDimension").asText());
    assertTrue(component.get("RoleQuota").isTextual(), "an Int64 is a JSON string: " + component);
    assertEquals("4", component.get("RoleQuota").asText());
    assertEquals(false, component.get("UseRoleQuotaMaximum").asBoolean());
    assertEquals("0", component.get("RoleUsage").asText());
  }

  @Test
  void componentsInAtom() throws IOException {
    world();
    dotNet4().get(root + "QuotaAndUsageComponents").then().statusCode(200)
        .body(containsString("<d:RoleQuota m:type=\"Edm.Int64\">8192</d:RoleQuota>"))
        .body(containsString("<d:QuotaDimension>StorageGB</d:QuotaDimension>"))
        .body(containsString("<d:RoleUsage m:type=\"Edm.Int64\">0</d:RoleUsage>"));
  }

  @Test
  void aCloudLeadsToItsComponents() throws IOException {
    world();
    JsonNode components = json(jsonLight().get(root + "Clouds(ID=guid'" + CLOUD + "',StampId=guid'" + STAMP
        + "')/QuotaAndUsageComponents").then().statusCode(200).extract().asString()).get("value");
    assertEquals(4, components.size());
  }

  @Test
  void usageFollowsEveryCreateChangeAndDelete() throws IOException {
    world();
    String location = create(2, 1024);
    assertEquals(usage("1", "2", "1024", "0"), usage());
    jsonLight().body("{\"CPUCount\":3,\"Memory\":512}").request("MERGE", location).then().statusCode(204);
    assertEquals(usage("1", "3", "512", "0"), usage());
    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", location).then().statusCode(204);
    jsonLight().body("{\"Operation\":\"Stop\"}").request("MERGE", location).then().statusCode(204);
    assertEquals(usage("1", "3", "512", "0"), usage(), "power operations count nothing");
    jsonLight().delete(location).then().statusCode(204);
    assertEquals(usage("0", "0", "0", "0"), usage());
  }

  @Test
  void aCreateBeyondTheQuotaIsA400InJsonLight() throws IOException {
    world();
    create(3, 1024);
    jsonLight().body(vm("too many cores", 2, 1024)).post(root + "VirtualMachines").then().statusCode(400)
        .body("'odata.error'.code", equalTo("QuotaExceeded"))
        .body("'odata.error'.message.value", containsString("may use 4 CPU cores (CPUCount) on the cloud " + CLOUD
            + " and uses 3; this request needs 2 more. Delete virtual machines, ask for smaller hardware"));
    assertEquals(1, vmCount(), "nothing stored");
    assertEquals(usage("1", "3", "1024", "0"), usage(), "nothing counted");
  }

  @Test
  void aCreateBeyondTheQuotaIsA400InAtom() throws IOException {
    world();
    create(1, 1024);
    create(1, 1024);
    dotNet4().contentType("application/atom+xml").body(atomVm(1, 1024)).post(root + "VirtualMachines").then()
        .statusCode(400).contentType(containsString("application/xml"))
        .body("error.code", equalTo("QuotaExceeded"))
        .body("error.message", containsString("may use 2 virtual machines (VMCount)"));
    assertEquals(2, vmCount());
  }

  @Test
  void aChangeBeyondTheQuotaIsA400InJsonLightAndChangesNothing() throws IOException {
    world();
    String location = create(2, 1024);
    jsonLight().body("{\"CPUCount\":5,\"Description\":\"bigger\"}").request("MERGE", location).then().statusCode(400)
        .body("'odata.error'.code", equalTo("QuotaExceeded"))
        .body("'odata.error'.message.value", containsString("uses 2; this request needs 3 more"));
    JsonNode vm = json(jsonLight().get(location).then().statusCode(200).extract().asString());
    assertEquals(2, vm.get("CPUCount").asInt());
    assertTrue(vm.get("Description").isNull(), vm.toString());
    assertEquals(usage("1", "2", "1024", "0"), usage());
  }

  @Test
  void aChangeBeyondTheQuotaIsA400InAtom() throws IOException {
    world();
    String location = create(2, 1024);
    dotNet4().contentType("application/atom+xml").body(atomVm(6, 1024)).request("MERGE", location).then()
        .statusCode(400).body("error.code", equalTo("QuotaExceeded"));
    assertEquals(usage("1", "2", "1024", "0"), usage());
  }

  @Test
  void aCreateBeyondTheCloudsCapacityIsA400InBothFormats() throws IOException {
    world();
    create(1, 2048); // with the other subscription's 2048 MB: 4096 of 6144
    jsonLight().body(vm("too big", 1, 2049)).post(root + "VirtualMachines").then().statusCode(400)
        .body("'odata.error'.code", equalTo("CloudCapacityExceeded"))
        .body("'odata.error'.message.value", containsString("The cloud " + CLOUD + " has a capacity of 6144 MB of"
            + " memory (MemoryMB) and its virtual machines use 4096; this request needs 2049 more."));
    dotNet4().contentType("application/atom+xml").body(atomVm(1, 2049)).post(root + "VirtualMachines").then()
        .statusCode(400).body("error.code", equalTo("CloudCapacityExceeded"))
        .body("error.message", containsString("raise the cloud's MemoryMB in CloudCapacities"));
    assertEquals(1, vmCount());
    create(1, 2048); // exactly the capacity
  }

  @Test
  void aChangeBeyondTheCloudsCapacityIsA400() throws IOException {
    world();
    String location = create(1, 2048);
    jsonLight().body("{\"Memory\":4097}").request("MERGE", location).then().statusCode(400)
        .body("'odata.error'.code", equalTo("CloudCapacityExceeded"));
    dotNet4().contentType("application/atom+xml").body(atomVm(1, 4097)).request("MERGE", location).then()
        .statusCode(400).body("error.code", equalTo("CloudCapacityExceeded"));
    assertEquals(usage("1", "1", "2048", "0"), usage());
  }

  @Test
  void aFailedChangeSetTakesItsUsageBack() throws IOException {
    world();
    String v3 = "DataServiceVersion: 3.0\r\nMaxDataServiceVersion: 3.0\r\nAccept: " + JSON_LIGHT + "\r\n"
        + "Content-Type: application/json\r\n";
    List<BatchResponse.Part> parts = new BatchRequest().changeSet(
        BatchRequest.operation("POST", root + "VirtualMachines", "Content-ID: 1\r\n" + v3, vm("in a batch", 2, 1024)),
        BatchRequest.operation("POST", root + "VirtualMachines", "Content-ID: 2\r\n" + v3, vm("over", 3, 1024)))
        .post(root);
    BatchResponse.Operation failed = parts.get(0).single();
    assertEquals(400, failed.status(), failed.body());
    assertTrue(failed.body().contains("may use 4 CPU cores (CPUCount)"), failed.body());
    assertEquals(0, vmCount());
    assertEquals(usage("0", "0", "0", "0"), usage(), "the first create's usage went with it");
  }

  @Test
  void aLoadedWorldsUsageIsWhatItsVmsUse() throws IOException {
    // RoleUsage 99 in the file; one VM without an Owner counts for the subscription's role
    world("{\"ID\":\"" + UUID.randomUUID() + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"loaded\",\"CloudId\":\""
        + CLOUD + "\",\"CPUCount\":1,\"Memory\":1024,\"TotalSize\":\"1610612736\"}", "99");
    assertEquals(usage("1", "1", "1024", "2"), usage(), "1.5 GB of disk counts as 2 GB");
    create(1, 1024);
    jsonLight().body(vm("third", 1, 1024)).post(root + "VirtualMachines").then().statusCode(400)
        .body("'odata.error'.code", equalTo("QuotaExceeded"));
  }
}
