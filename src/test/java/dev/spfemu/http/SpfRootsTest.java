package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPF's own service roots: per tenant (same data as the WAP root), and all subscriptions. */
class SpfRootsTest extends EmulatorHttpTest {

  private String spfTenantRoot(String subscription) {
    return spf.baseUrl() + "/SC2012R2/VMM/" + subscription + "/Microsoft.Management.Odata.svc/";
  }

  private String spfAdminRoot() {
    return spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  @Test
  void theTenantRootOfSpfServesTheSameDataAsAzurePacks() {
    String subscription = UUID.randomUUID().toString();
    addVm(spf.serviceRoot(subscription));
    String wapLocation = createCheckpoint(spf.serviceRoot(subscription), "shared");
    String id = wapLocation.substring(wapLocation.indexOf("ID=guid'") + 8, wapLocation.indexOf("',"));
    String spfRoot = spfTenantRoot(subscription);
    jsonLight().get(spfRoot + "VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(200)
        .body("Name", equalTo("shared"))
        .body("'odata.metadata'", equalTo(spfRoot + "$metadata#VMCheckPoints/@Element"));
    String spfLocation = createCheckpoint(spfRoot, "through SPF");
    assertTrue(spfLocation.startsWith(spfRoot), spfLocation);
    assertEquals(2, countCheckpoints(spf.serviceRoot(subscription)));
    jsonLight().get(spf.baseUrl() + "/SC2012/vmm/" + subscription + "/microsoft.management.odata.svc/VMCheckPoints")
        .then().statusCode(200).body("value.size()", equalTo(2));
  }

  @Test
  void theAllSubscriptionsRootSeesEverySubscription() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    addVm(spf.serviceRoot(a));
    addVm(spf.serviceRoot(b));
    createCheckpoint(spf.serviceRoot(a), "in A");
    String inB = createCheckpoint(spf.serviceRoot(b), "in B");

    JsonNode all = json(jsonLight().get(spfAdminRoot() + "VMCheckPoints?$top=1000").then().statusCode(200)
        .extract().asString()).get("value");
    List<String> names = new ArrayList<>();
    all.forEach(cp -> names.add(cp.get("Name").asText()));
    assertTrue(names.contains("in A") && names.contains("in B"), names.toString());
    jsonLight().get(spfAdminRoot() + "Clouds").then().statusCode(200).body("value.Name", hasItem("Gold Cloud"));

    String id = inB.substring(inB.indexOf("ID=guid'") + 8, inB.indexOf("',"));
    String adminLocation = spfAdminRoot() + "VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + STAMP + "')";
    jsonLight().get(adminLocation).then().statusCode(200).body("Name", equalTo("in B"));
    jsonLight().body("{\"Description\":\"changed by the provider\"}").request("MERGE", adminLocation).then()
        .statusCode(204);
    jsonLight().get(inB).then().body("Description", equalTo("changed by the provider"));
    jsonLight().get(adminLocation + "/Name").then().statusCode(200).body("value", equalTo("in B"));
    jsonLight().delete(adminLocation).then().statusCode(204);
    jsonLight().get(inB).then().statusCode(404);
    jsonLight().get(adminLocation).then().statusCode(404);
  }

  @Test
  void theAllSubscriptionsRootCreatesWhereTheReferencedEntityIs() {
    String subscription = UUID.randomUUID().toString();
    String vm = UUID.randomUUID().toString();
    jsonLight().body("{\"ID\":\"" + vm + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"own\",\"CloudId\":\"" + CLOUD
        + "\"}").post(spf.serviceRoot(subscription) + "VirtualMachines").then().statusCode(201);
    String location = jsonLight().body("{\"Name\":\"through SPF's root\",\"StampId\":\"" + STAMP + "\",\"VMId\":\""
        + vm + "\"}").post(spfAdminRoot() + "VMCheckPoints").then().statusCode(201).extract().header("Location");
    assertTrue(location.startsWith(spfAdminRoot()), location);
    assertEquals(1, countCheckpoints(spf.serviceRoot(subscription)));
    jsonLight().body("{\"Name\":\"orphan\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + UUID.randomUUID() + "\"}")
        .post(spfAdminRoot() + "VMCheckPoints").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("SubscriptionUnknown"))
        .body("'odata.error'.message.value", containsString("{subscription-id}"));
  }

  @Test
  void spfRootsHaveMetadataAndServiceDocuments() {
    request().header("Accept", "application/xml").get(spfAdminRoot() + "$metadata").then().statusCode(200);
    jsonLight().get(spfAdminRoot()).then().statusCode(200).body("value[0].name", equalTo("VMCheckPoints"));
    jsonLight().get(spfTenantRoot(UUID.randomUUID().toString())).then().statusCode(200);
  }
}
