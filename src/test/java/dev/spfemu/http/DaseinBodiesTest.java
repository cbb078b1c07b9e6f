package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The VM bodies of dasein-cloud-azurepack (CLIENTS.md D.3), replayed: a create with the whole model
 * (every property null or a string, {@code "odata.metadata": null}, {@code Prop@odata.type}
 * annotations, complex values with {@code odata.type} and null members, the navigation property
 * {@code "VirtualDiskDrives": []}), then a PUT of the model as its plain Jackson mapper reads a GET
 * back: every value a string, the read's {@code odata.metadata} echoed, {@code odata.type} null.
 */
class DaseinBodiesTest extends EmulatorHttpTest {

  private static final String ZERO = "00000000-0000-0000-0000-000000000000";

  /** dasein's headers: no OData version headers, plain JSON. */
  private static RequestSpecification dasein() {
    return request()
        .header("x-ms-version", "2014-02-01")
        .header("Accept", "application/json")
        .contentType("application/json");
  }

  private static String vmUrl(String root, String id) {
    return root + "VirtualMachines(StampId=guid'" + STAMP + "',ID=guid'" + id + "')"; // dasein's key order
  }

  @Test
  void theWholeModelCreatesAVm() {
    String root = demoRoot(); // its template is the body's VMTemplateId
    addVmNetwork(root, "tenant-network"); // the body's adapter input names it

    JsonNode created = json(dasein().body(fixture("bodies/dasein-vm-create.json").replace("CLOUD_ID", CLOUD)
        .replace("STAMP_ID", STAMP)).post(root + "VirtualMachines").then().statusCode(201).extract().asString());

    assertNotEquals(ZERO, created.get("ID").asText());
    assertEquals("dasein-vm-01", created.get("Name").asText());
    assertEquals(2, created.get("CPUCount").asInt(), "\"2\" read as an Edm.Byte");
    assertEquals(2048, created.get("Memory").asInt());
    assertEquals("created by dasein", created.get("Description").asText());
    assertEquals("tenant-network", created.get("NewVirtualNetworkAdapterInput").get(0).get("VMNetworkName").asText());
    assertTrue(created.get("GrantedToList").isArray());
  }

  @Test
  void theModelAsReadBackWithOperationStartStartsTheVmAndChangesNothingElse() {
    String root = demoRoot(); // its template is the body's VMTemplateId
    addVmNetwork(root, "tenant-network"); // the body's adapter input names it
    String id = json(dasein().body(fixture("bodies/dasein-vm-create.json").replace("CLOUD_ID", CLOUD)
        .replace("STAMP_ID", STAMP)).post(root + "VirtualMachines").then().statusCode(201).extract().asString())
        .get("ID").asText();
    JsonNode read = json(dasein().get(vmUrl(root, id)).then().statusCode(200).extract().asString());
    assertEquals("PowerOff", read.get("Status").asText());

    ObjectNode model = DaseinModels.asSentBack(read);
    model.put("Operation", "Start");
    model.putArray("VirtualDiskDrives");
    dasein().body(model.toString()).put(vmUrl(root, id)).then().statusCode(204);

    JsonNode after = json(dasein().get(vmUrl(root, id)).then().statusCode(200).extract().asString());
    assertEquals("Running", after.get("Status").asText());
    for (String kept : new String[] {"Name", "Description", "CPUCount", "Memory", "CloudId", "AddedTime", "Owner",
        "NewVirtualNetworkAdapterInput"}) {
      assertEquals(read.get(kept), after.get(kept), kept);
    }
    assertNotEquals(read.get("MostRecentTaskId"), after.get("MostRecentTaskId"), "the start is a job of its own");
  }
}
