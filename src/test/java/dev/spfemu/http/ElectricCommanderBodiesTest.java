package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The bodies of CloudBees Electric Commander's WAP provisioning step (CLIENTS.md D.4), replayed:
 * a fixed create template with most properties null, {@code Prop@odata.type} annotations, an
 * {@code OperatingSystemInstance} of nulls, and an {@code Owner} whose {@code odata.type} is the
 * account's e-mail address (the client must not fail on it); then {@code PATCH {"Operation":"Start"}}.
 */
class ElectricCommanderBodiesTest extends EmulatorHttpTest {

  /** LWP's request: plain JSON both ways, on every request, no OData version headers. */
  private static RequestSpecification commander() {
    return request()
        .header("Accept", "application/json")
        .header("User-Agent", "libwww-perl/6.15")
        .header("TE", "deflate,gzip;q=0.3")
        .contentType("application/json");
  }

  @Test
  void theTemplateCreatesAVmWhoseReplyCarriesItsJobAndAPatchStartsIt() {
    String root = demoRoot(); // its template is the body's VMTemplateId
    addVmNetwork(root, "tenant-network"); // the body's adapter input names it

    String reply = commander().body(fixture("bodies/electric-commander-vm-create.json").replace("CLOUD_ID", CLOUD)
        .replace("STAMP_ID", STAMP)).post(root + "VirtualMachines").then()
        .statusCode(201)
        .body("ID", not(equalTo("00000000-0000-0000-0000-000000000000")))
        .body("MostRecentTaskId", matchesPattern(GUID))
        .extract().asString();
    JsonNode created = json(reply);
    assertEquals("ec-vm-01", created.get("Name").asText());
    assertEquals("tenant-network", created.get("NewVirtualNetworkAdapterInput").get(0).get("VMNetworkName").asText());

    String vm = root + "VirtualMachines(StampId=guid'" + STAMP + "',ID=guid'" + created.get("ID").asText() + "')";
    commander().body("{\"Operation\":\"Start\"}").patch(vm).then().statusCode(204);

    JsonNode after = json(commander().get(vm).then().statusCode(200).extract().asString());
    assertEquals("Running", after.get("Status").asText());
    assertEquals("ec-vm-01", after.get("Name").asText());
  }
}
