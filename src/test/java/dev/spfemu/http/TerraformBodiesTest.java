package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The bodies of badstreff/terraform-provider-vmm (CLIENTS.md D.2), replayed: Go's encoding of the
 * create struct (numbers as numbers, every unset field null, {@code odata.type} set), sent without
 * {@code Accept} so the reply is Atom, from which the client takes {@code content>properties>ID};
 * then the PUTs of keys and {@code Operation}, and of keys, {@code Name}, {@code CPUCount} and
 * {@code Memory}.
 */
class TerraformBodiesTest extends EmulatorHttpTest {

  /** The provider's POST and PUT: JSON body, no Accept (so Atom answers), its principal. */
  private static RequestSpecification terraform() {
    return request()
        .header("x-ms-principal-id", "terraform-provider-vmm")
        .header("User-Agent", "Go-http-client/1.1")
        .contentType("application/json");
  }

  private static JsonNode read(String vm) {
    return json(request().header("Accept", "application/json").get(vm).then().statusCode(200).extract().asString());
  }

  @Test
  void theCreateStructMakesAVmAndThePutsStartAndChangeIt() {
    String root = demoRoot(); // its template is the body's VMTemplateId
    addVmNetwork(root, "tenant-network"); // the body's adapter input names it

    Xml entry = Xml.parse(terraform().body(fixture("bodies/terraform-vm-create.json").replace("CLOUD_ID", CLOUD)
        .replace("STAMP_ID", STAMP)).post(root + "VirtualMachines").then().statusCode(201).extract().asString());
    String id = entry.string("/a:entry/a:content/m:properties/d:ID");
    assertTrue(id.matches(GUID), id);
    String vm = root + "VirtualMachines(ID=guid'" + id + "',StampId=guid'" + STAMP + "')";
    JsonNode created = read(vm);
    assertEquals("tf-vm-01", created.get("Name").asText());
    assertEquals(2, created.get("CPUCount").asInt());
    assertEquals("Dynamic", created.get("NewVirtualNetworkAdapterInput").get(0).get("MACAddressType").asText());

    terraform().body("{\"odata.type\":\"VMM.VirtualMachine\",\"StampId\":\"" + STAMP + "\",\"ID\":\"" + id
        + "\",\"Operation\":\"Start\"}").put(vm).then().statusCode(204);
    assertEquals("Running", read(vm).get("Status").asText());

    terraform().body("{\"odata.type\":\"VMM.VirtualMachine\",\"StampId\":\"" + STAMP + "\",\"ID\":\"" + id
        + "\",\"Operation\":\"Stop\"}").put(vm).then().statusCode(204);
    terraform().body("{\"odata.type\":\"VMM.VirtualMachine\",\"StampId\":\"" + STAMP + "\",\"ID\":\"" + id
        + "\",\"Name\":\"tf-vm-renamed\",\"CPUCount\":4,\"Memory\":4096}").put(vm).then().statusCode(204);

    JsonNode after = read(vm);
    assertEquals("PowerOff", after.get("Status").asText());
    assertEquals("tf-vm-renamed", after.get("Name").asText());
    assertEquals(4, after.get("CPUCount").asInt());
    assertEquals(4096, after.get("Memory").asInt());
    assertEquals("managed by terraform", after.get("Description").asText());
  }
}
