package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.SpfEmulator;
import org.junit.jupiter.api.Test;

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
}
