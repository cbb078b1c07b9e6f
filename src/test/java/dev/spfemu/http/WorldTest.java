package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starting world: the built-in demo world, none, or a world file. */
class WorldTest extends EmulatorHttpTest {

  private JsonNode list(String set) {
    return json(jsonLight().get(spf.serviceRoot(SEED_SUBSCRIPTION) + set).then().statusCode(200).extract().asString())
        .get("value");
  }

  @Test
  void theDemoWorldHasTheSeedsVmAndABelievableVmm() {
    JsonNode vms = list("VirtualMachines");
    Set<String> states = new HashSet<>();
    boolean seedVm = false;
    for (JsonNode vm : vms) {
      states.add(vm.get("Status").asText());
      seedVm |= vm.get("ID").asText().equals(VM) && vm.get("StampId").asText().equals(STAMP);
    }
    assertTrue(seedVm, "the seed's VM f11b61fa… on stamp d70c1a9b…");
    assertTrue(states.size() >= 2, "VMs in different states: " + states);

    Set<String> stamps = new HashSet<>();
    JsonNode everyCloud = json(jsonLight().get(spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/Clouds")
        .then().statusCode(200).extract().asString()).get("value");
    everyCloud.forEach(cloud -> stamps.add(cloud.get("StampId").asText()));
    assertTrue(stamps.size() >= 2, "at least two stamps");
    assertEquals(1, list("Clouds").size(), "a tenant's subscription sees one cloud on one stamp (CLIENTS.md D.7 item 17)");
    JsonNode capacities = json(jsonLight().get(spf.baseUrl() + "/SC2012R2/VMM/" + SEED_SUBSCRIPTION
        + "/Microsoft.Management.Odata.svc/CloudCapacities").then().statusCode(200).extract().asString()).get("value");
    assertEquals(list("Clouds").size(), capacities.size(), "every cloud has its capacity (an admin-only set)");
    for (String set : new String[] {"VMTemplates", "HardwareProfiles", "LogicalNetworks", "VMNetworks", "Jobs"}) {
      assertTrue(list(set).size() > 0, set);
    }
    for (JsonNode job : list("Jobs")) {
      assertTrue(job.get("IsCompleted").asBoolean());
      assertEquals(100, job.get("ProgressValue").asInt());
    }
  }

  @Test
  void theDemoTenantsRoleHasQuotasOnItsCloudWithTheUsageOfItsVms() {
    Map<String, String> quota = new HashMap<>();
    Map<String, String> usage = new HashMap<>();
    for (JsonNode component : list("QuotaAndUsageComponents")) {
      assertEquals("00000000-0000-4000-8000-000000000900", component.get("UserRoleID").asText());
      assertEquals(list("Clouds").get(0).get("ID"), component.get("ID"), "the tenant's cloud");
      quota.put(component.get("QuotaDimension").asText(), component.get("RoleQuota").asText());
      usage.put(component.get("QuotaDimension").asText(), component.get("RoleUsage").asText());
    }
    assertEquals(Map.of("VMCount", "10", "CPUCount", "40", "MemoryMB", "65536", "StorageGB", "1000"), quota);
    assertEquals(Map.of("VMCount", "2", "CPUCount", "6", "MemoryMB", "12288", "StorageGB", "80"), usage,
        "web-01 and sql-01: 2 + 4 CPUs, 4096 + 8192 MB, a 40 GB disk each");
  }

  @Test
  void demoCheckpointsFormATreeOfAnExistingVm() {
    Map<String, JsonNode> byCheckpointId = new HashMap<>();
    JsonNode checkpoints = list("VMCheckPoints");
    checkpoints.forEach(cp -> byCheckpointId.put(cp.get("CheckpointID").asText(), cp));
    int roots = 0;
    for (JsonNode cp : checkpoints) {
      if (cp.get("ParentCheckpointID").isNull()) {
        roots++;
      } else {
        JsonNode parent = byCheckpointId.get(cp.get("ParentCheckpointID").asText());
        assertEquals(cp.get("VMId"), parent.get("VMId"), "a parent belongs to the same VM");
      }
      assertEquals(VM, cp.get("VMId").asText());
    }
    assertEquals(1, roots);
    assertTrue(checkpoints.size() >= 2);
  }

  @Test
  void theSeedsDocumentedRequestWorksVerbatimAgainstTheDemoWorld() {
    // its own emulator: the other tests of this class read the demo world untouched
    try (SpfEmulator fresh = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().build()).start()) {
      jsonLight().body(fixture("seed-request.json")).post(fresh.serviceRoot(SEED_SUBSCRIPTION) + "VMCheckPoints")
          .then().statusCode(201).body("VMId", equalTo(VM));
    }
  }

  @Test
  void everyStartHasTheSameWorld() {
    try (SpfEmulator again = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().build()).start()) {
      for (String set : new String[] {"VirtualMachines", "VMTemplates", "Jobs"}) {
        JsonNode first = json(jsonLight().get(spf.serviceRoot(SEED_SUBSCRIPTION) + set + "?$orderby=Name")
            .then().statusCode(200).extract().asString()).get("value");
        JsonNode second = json(jsonLight().get(again.serviceRoot(SEED_SUBSCRIPTION) + set + "?$orderby=Name")
            .then().statusCode(200).extract().asString()).get("value");
        assertTrue(first.isArray() && first.size() >= 2, set + " holds the demo world's entities: " + first);
        assertEquals(first, second, set);
      }
    }
  }

  @Test
  void noSeedStartsEmpty() {
    try (SpfEmulator empty = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().seed(false).build()).start()) {
      jsonLight().get(empty.serviceRoot(SEED_SUBSCRIPTION) + "VirtualMachines").then()
          .statusCode(200).body("value.size()", equalTo(0));
    }
  }

  @Test
  void aSeedFileReplacesTheDemoWorld(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("world.json");
    String subscription = "11111111-2222-4333-8444-555555555555";
    Files.writeString(file, "{\"subscriptions\":[{\"id\":\"" + subscription + "\",\"entities\":{"
        + "\"VirtualMachines\":[{\"ID\":\"" + VM + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"from file\","
        + "\"GrantedToList\":[{\"UserName\":\"u\",\"RoleName\":\"r\",\"RoleID\":null}]}],"
        + "\"Clouds\":[{\"ID\":\"" + CLOUD + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"file cloud\"}]}}]}",
        StandardCharsets.UTF_8);
    try (SpfEmulator seeded = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().seedFile(file).build())
        .start()) {
      jsonLight().get(seeded.serviceRoot(subscription) + "VirtualMachines").then()
          .statusCode(200)
          .body("value[0].Name", equalTo("from file"))
          .body("value[0].GrantedToList[0].UserName", equalTo("u"));
      jsonLight().get(seeded.serviceRoot(SEED_SUBSCRIPTION) + "VirtualMachines").then()
          .statusCode(200).body("value.size()", equalTo(0));
    }
  }

  @Test
  void anInvalidSeedFileIsRefusedWithItsPlace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"subscriptions\":[{\"id\":\"" + SEED_SUBSCRIPTION + "\",\"entities\":{"
        + "\"VirtualMachines\":[{\"ID\":\"" + VM + "\",\"StampId\":\"" + STAMP + "\",\"CPUCount\":\"many\"}]}}]}");
    SpfEmulator.EmulatorStartException error = assertThrows(SpfEmulator.EmulatorStartException.class,
        () -> SpfEmulator.create(EmulatorOptions.builder().dynamicPort().seedFile(file).build()));
    assertTrue(error.getMessage().contains("VirtualMachines[0]"), error.getMessage());
    assertTrue(error.getMessage().contains("CPUCount"), error.getMessage());
  }

  @Test
  void anInconsistentSeedFileIsRefusedNamingTheEntityAndTheRule(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("orphans.json");
    String adapter = "00000000-0000-4000-8000-000000000799";
    Files.writeString(file, "{\"subscriptions\":[{\"id\":\"" + SEED_SUBSCRIPTION + "\",\"entities\":{"
        + "\"VirtualMachines\":[{\"ID\":\"" + VM + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"web\"}],"
        + "\"VirtualNetworkAdapters\":[{\"ID\":\"" + adapter + "\",\"StampId\":\"" + STAMP + "\","
        + "\"VMId\":\"00000000-0000-4000-8000-000000000798\"}]}}]}");
    SpfEmulator.EmulatorStartException error = assertThrows(SpfEmulator.EmulatorStartException.class,
        () -> SpfEmulator.create(EmulatorOptions.builder().dynamicPort().seedFile(file).build()));
    assertTrue(error.getMessage().contains(file + ": subscription " + SEED_SUBSCRIPTION
        + ", VirtualNetworkAdapters(ID=guid'" + adapter + "',StampId=guid'" + STAMP
        + "'): VMId 00000000-0000-4000-8000-000000000798 names no virtual machine"), error.getMessage());
  }

  @Test
  void aCheckpointForAnUnknownVmIsRefusedAndStoresNothing() {
    String root = emptyRoot();
    jsonLight().body(fixture("seed-request.json")).post(root + "VMCheckPoints").then()
        .statusCode(404)
        .body("'odata.error'.code", equalTo("ReferencedEntityNotFound"))
        .body("'odata.error'.message.value", containsString(VM))
        .body("'odata.error'.message.value", containsString("VirtualMachines"));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void aCheckpointForAVmOfAnotherStampOrSubscriptionIsRefused() {
    String root = newRoot();
    String otherStamp = "0b7e8a1c-6f2d-4c7e-9a51-3d2e5f8b9c10";
    jsonLight().body(fixture("seed-request.json").replace(STAMP, otherStamp)).post(root + "VMCheckPoints").then()
        .statusCode(404).body("'odata.error'.message.value", containsString(otherStamp));
    jsonLight().body(fixture("seed-request.json")).post(emptyRoot() + "VMCheckPoints").then().statusCode(404);
  }

  @Test
  void aCheckpointMayNameTheVmByItsHypervisorId() {
    String root = emptyRoot();
    String hypervisorId = "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4";
    jsonLight().body("{\"ID\":\"" + VM + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"vm\",\"CloudId\":\"" + CLOUD
        + "\",\"VMId\":\"" + hypervisorId + "\"}").post(root + "VirtualMachines").then().statusCode(201);
    jsonLight().body(fixture("seed-request.json").replace(VM, hypervisorId)).post(root + "VMCheckPoints").then()
        .statusCode(201);
  }
}
