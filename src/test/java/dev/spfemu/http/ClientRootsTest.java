package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The roots as real clients write them (CLIENTS.md D): WAP's admin root, and paths with empty
 * segments from clients that join a base URL ending in '/' to a path starting with one.
 */
class ClientRootsTest extends EmulatorHttpTest {

  private String wapAdminRoot() {
    return spf.baseUrl() + "/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  /** A GET with java.net.http, which sends the path exactly as written (empty segments included). */
  private static HttpResponse<String> get(String url) {
    return BadInputTest.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build());
  }

  @Test
  void theWapAdminRootSeesEverySubscription() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    addVm(spf.serviceRoot(a));
    addVm(spf.serviceRoot(b));
    String inB = createCheckpoint(spf.serviceRoot(b), "in B");
    String id = inB.substring(inB.indexOf("ID=guid'") + 8, inB.indexOf("',"));

    request().header("Accept", "application/json").get(wapAdminRoot() + "Clouds()").then().statusCode(200)
        .header("DataServiceVersion", "3.0;")
        .body("'odata.metadata'", equalTo(wapAdminRoot() + "$metadata#Clouds"))
        .body("value.Name", hasItem("Gold Cloud"));
    jsonLight().get(wapAdminRoot() + "VirtualMachines?$filter=ID%20eq%20guid'" + VM + "'").then().statusCode(200)
        .body("value.size()", greaterThanOrEqualTo(2)).body("value.ID", everyItem(equalTo(VM)));
    String adminLocation = wapAdminRoot() + "VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + STAMP + "')";
    jsonLight().body("{\"Description\":\"by the admin\"}").request("MERGE", adminLocation).then().statusCode(204);
    jsonLight().get(inB).then().body("Description", equalTo("by the admin"));
    jsonLight().get(wapAdminRoot()).then().statusCode(200).body("value.name", hasItem("VMCheckPoints"));
    request().header("Accept", "application/xml").get(wapAdminRoot() + "$metadata").then().statusCode(200);
  }

  @Test
  void emptySegmentsAreIgnoredAndUrlsWrittenWithout() {
    String subscription = UUID.randomUUID().toString();
    addVm(spf.serviceRoot(subscription));
    String tenant = spf.serviceRoot(subscription);

    HttpResponse<String> terraform = get(spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc//Clouds");
    assertEquals(200, terraform.statusCode(), terraform.body());
    assertEquals(spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/$metadata#Clouds",
        json(terraform.body()).get("odata.metadata").asText());

    String electricCommander = spf.baseUrl() + "//" + subscription + "/services/systemcenter/vmm/";
    HttpResponse<String> created = BadInputTest.send(HttpRequest.newBuilder(URI.create(electricCommander
            + "VirtualMachines"))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"ec\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\""
            + CLOUD + "\"}")).build());
    assertEquals(201, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(tenant + "VirtualMachines(ID=guid'"), location);

    HttpResponse<String> listed = get(tenant + "/VirtualMachines");
    assertEquals(200, listed.statusCode(), listed.body());
    assertEquals(2, json(listed.body()).get("value").size());
    HttpResponse<String> property = get(location.replace("/vmm/", "/vmm//") + "//Name");
    assertEquals(200, property.statusCode(), property.body());
    assertEquals("ec", json(property.body()).get("value").asText());
  }

  @Test
  void plainJsonWithoutVersionHeadersIsJsonLightWithValue() {
    request().header("Accept", "application/json").get(newRoot() + "VirtualMachines").then().statusCode(200)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .header("DataServiceVersion", "3.0;")
        .body("value[0].ID", equalTo(VM));
  }
}
