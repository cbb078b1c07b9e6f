package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.SpfEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin HTTP API under /_emulator/: health, reset, export and import of the state, the journal. */
class AdminApiTest extends EmulatorHttpTest {

  private String admin(SpfEmulator emulator) {
    return emulator.baseUrl() + "/_emulator/";
  }

  @Test
  void healthIsOkOnceTheWorldIsLoaded() {
    request().get(admin(spf) + "health").then().statusCode(200).body("status", equalTo("ok"));
  }

  @Test
  void anExportImportedElsewhereRoundTripsExactly() {
    String root = newRoot();
    jsonLight().body("{\"Name\":\"rich\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\",\"Owner\":"
        + "{\"UserName\":\"u\",\"RoleName\":\"r\",\"RoleID\":null},\"GrantedToList\":[{\"UserName\":\"a\"}]}")
        .post(root + "VirtualMachines").then().statusCode(201);
    createCheckpoint(root, "exported");
    String exported = request().get(admin(spf) + "state").then().statusCode(200).extract().asString();

    try (SpfEmulator other = SpfEmulator.builder().dynamicPort().seed(false).start()) {
      request().contentType("application/json").body(exported).put(admin(other) + "state").then().statusCode(204);
      String again = request().get(admin(other) + "state").then().statusCode(200).extract().asString();
      assertEquals(json(exported), json(again));
      String otherRoot = other.serviceRoot(root.substring(root.indexOf("/", 8) + 1, root.indexOf("/services")));
      JsonNode vms = json(jsonLight().get(otherRoot + "VirtualMachines?$filter=Name%20eq%20'rich'").then()
          .statusCode(200).extract().asString()).get("value");
      assertEquals("a", vms.get(0).get("GrantedToList").get(0).get("UserName").asText());
    }
  }

  @Test
  void anInvalidStateIsRefused() {
    try (SpfEmulator other = SpfEmulator.builder().dynamicPort().start()) {
      request().contentType("application/json").body("{\"subscriptions\":[{\"id\":\"nope\"}]}")
          .put(admin(other) + "state").then()
          .statusCode(400).body("error", containsString("GUID"));
    }
  }

  @Test
  void anInconsistentStateIsRefusedNamingTheEntity() {
    String pool = "00000000-0000-4000-8000-000000000651";
    String world = "{\"subscriptions\":[{\"id\":\"" + SEED_SUBSCRIPTION + "\",\"entities\":{"
        + "\"VirtualMachines\":[{\"ID\":\"" + VM + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"web\"}],"
        + "\"StaticIPAddressPools\":[{\"ID\":\"" + pool + "\",\"StampId\":\"" + STAMP + "\","
        + "\"IPAddressRangeStart\":\"10.0.0.10\",\"IPAddressRangeEnd\":\"10.0.0.250\"}],"
        + "\"VirtualNetworkAdapters\":[{\"ID\":\"00000000-0000-4000-8000-000000000721\",\"StampId\":\"" + STAMP
        + "\",\"VMId\":\"" + VM + "\",\"IPv4Addresses\":[\"10.9.9.9\"],\"IPv4AddressPoolsId\":[\"" + pool + "\"]}]}}]}";
    try (SpfEmulator other = SpfEmulator.builder().dynamicPort().seed(false).start()) {
      request().contentType("application/json").body(world).put(admin(other) + "state").then()
          .statusCode(400)
          .body("error", containsString("the imported state: subscription " + SEED_SUBSCRIPTION
              + ", VirtualNetworkAdapters(ID=guid'00000000-0000-4000-8000-000000000721',StampId=guid'" + STAMP
              + "'): IPv4 address 10.9.9.9 is outside its pool StaticIPAddressPools(ID=guid'" + pool + "',StampId=guid'"
              + STAMP + "') range 10.0.0.10–10.0.0.250"));
    }
  }

  @Test
  void resetAndJournalOverHttp() {
    try (SpfEmulator other = SpfEmulator.builder().dynamicPort().start()) {
      String root = other.serviceRoot(SEED_SUBSCRIPTION);
      String location = jsonLight().body(fixture("seed-request.json")).post(root + "VMCheckPoints").then()
          .statusCode(201).extract().header("Location");
      JsonNode journal = json(request().get(admin(other) + "requests").then().statusCode(200).extract().asString());
      JsonNode last = journal.get(journal.size() - 1);
      assertEquals("POST", last.get("method").asText());
      assertEquals(201, last.get("status").asInt());
      assertEquals("VMCheckPoints", last.get("entitySet").asText());
      assertTrue(last.get("body").asText().contains("Checkpoint 1"));

      request().delete(admin(other) + "requests").then().statusCode(204);
      assertEquals(0, json(request().get(admin(other) + "requests").then().extract().asString()).size());
      request().post(admin(other) + "reset").then().statusCode(204);
      jsonLight().get(location).then().statusCode(404);
    }
  }

  @Test
  void unknownAdminOperationsAre404() {
    request().get(admin(spf) + "nothing").then().statusCode(404).body("error", containsString("GET health"));
  }

  private static int checkpointCount(String root) {
    return Integer.parseInt(jsonLight().get(root + "VMCheckPoints/$count").then().statusCode(200).extract().asString());
  }

  @Test
  void oneSubscriptionIsResetAndTheOthersAreLeftAlone() {
    try (SpfEmulator other = SpfEmulator.builder().dynamicPort().start()) {
      String demo = other.serviceRoot(SEED_SUBSCRIPTION);
      int inTheWorld = checkpointCount(demo);
      String created = jsonLight().body(fixture("seed-request.json")).post(demo + "VMCheckPoints").then()
          .statusCode(201).extract().header("Location");
      String elsewhere = other.serviceRoot("11111111-2222-4333-8444-555555555555");
      addVm(elsewhere);
      String kept = createCheckpoint(elsewhere, "kept");

      request().post(admin(other) + "reset?subscription=" + SEED_SUBSCRIPTION.toUpperCase()).then().statusCode(204);

      jsonLight().get(created).then().statusCode(404);
      assertEquals(inTheWorld, checkpointCount(demo), "the subscription's part of the world is back");
      jsonLight().get(kept).then().statusCode(200).body("Name", equalTo("kept"));
      assertTrue(json(request().get(admin(other) + "requests").then().extract().asString()).size() > 0,
          "the journal is not emptied by a one-subscription reset");

      other.reset("11111111-2222-4333-8444-555555555555");
      jsonLight().get(kept).then().statusCode(404);
      request().post(admin(other) + "reset?subscription=nope").then().statusCode(400)
          .body("error", containsString("GUID"));
    }
  }

  @Test
  void faultRulesOverHttp() {
    String root = newRoot();
    request().contentType("application/json").body("{\"method\":\"POST\",\"entitySet\":\"VMCheckPoints\","
        + "\"status\":503,\"code\":\"ServiceUnavailable\",\"message\":\"VMM is busy\",\"times\":1}")
        .post(admin(spf) + "faults").then().statusCode(201);
    jsonLight().body(checkpointBody("refused")).post(root + "VMCheckPoints").then()
        .statusCode(503)
        .body("'odata.error'.code", equalTo("ServiceUnavailable"))
        .body("'odata.error'.message.value", equalTo("VMM is busy"));
    jsonLight().body(checkpointBody("accepted")).post(root + "VMCheckPoints").then().statusCode(201);

    request().contentType("application/json").body("{\"path\":\"/VirtualMachines\",\"status\":500}")
        .post(admin(spf) + "faults").then().statusCode(201);
    jsonLight().get(root + "VirtualMachines").then().statusCode(500);
    request().delete(admin(spf) + "faults").then().statusCode(204);
    jsonLight().get(root + "VirtualMachines").then().statusCode(200);
  }

  @Test
  void badFaultRulesAreRefusedWithTheReason() {
    request().contentType("application/json").body("{\"entityset\":\"VMCheckPoints\",\"status\":503}")
        .post(admin(spf) + "faults").then().statusCode(400)
        .body("error", containsString("unknown field 'entityset'"));
    request().contentType("application/json").body("{\"status\":200}")
        .post(admin(spf) + "faults").then().statusCode(400).body("error", containsString("4xx or 5xx"));
    request().contentType("application/json").body("{\"path\":\"(\",\"status\":500}")
        .post(admin(spf) + "faults").then().statusCode(400);
    request().contentType("application/json").body("not json")
        .post(admin(spf) + "faults").then().statusCode(400);
    jsonLight().get(newRoot() + "VirtualMachines").then().statusCode(200);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"status\":399} | a fault answers with an error status (4xx or 5xx), not 399",
      "{\"status\":600} | a fault answers with an error status (4xx or 5xx), not 600",
      "{\"status\":503,\"probability\":-0.1} | probability must be between 0 and 1",
      "{\"status\":503,\"probability\":1.01} | probability must be between 0 and 1",
      "{\"status\":503,\"probability\":\"half\"} | 'probability' must be a number between 0 and 1",
      "{\"status\":503,\"times\":0} | times must be at least 1"})
  void faultRulesOutsideTheLimitsAreRefusedWithTheReason(String rule, String reason) {
    request().contentType("application/json").body(rule).post(admin(spf) + "faults").then()
        .statusCode(400).body("error", equalTo(reason));
    jsonLight().get(newRoot() + "VirtualMachines").then().statusCode(200);
  }

  @ParameterizedTest
  @CsvSource({"400, 0", "599, 1"})
  void faultRulesAtTheLimitsAreAccepted(int status, double probability) {
    String root = newRoot();
    request().contentType("application/json").body("{\"entitySet\":\"Clouds\",\"status\":" + status
        + ",\"probability\":" + probability + "}").post(admin(spf) + "faults").then().statusCode(201);
    try {
      jsonLight().get(root + "Clouds").then().statusCode(probability == 0 ? 200 : status);
    } finally {
      request().delete(admin(spf) + "faults").then().statusCode(204);
    }
  }

  @Test
  void theJournalIsFilteredOverHttp() {
    String root = newRoot();
    createCheckpoint(root, "one");
    jsonLight().get(root + "VMCheckPoints").then().statusCode(200);
    String subscription = root.substring(root.indexOf("/", 8) + 1, root.indexOf("/services"));
    JsonNode posts = json(request().get(admin(spf) + "requests?method=post&entitySet=VMCheckPoints&subscription="
        + subscription).then().statusCode(200).extract().asString());
    assertEquals(1, posts.size());
    assertEquals("POST", posts.get(0).get("method").asText());
    assertEquals(3, json(request().get(admin(spf) + "requests?subscription=" + subscription).then()
        .extract().asString()).size(), "the VM's POST, the checkpoint's POST and the GET");
  }
}
