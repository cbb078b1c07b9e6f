package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A VM created from the demo world's template or hardware profile takes its hardware, in JSON light and Atom. */
class HardwareProvisioningHttpTest extends EmulatorHttpTest {

  private static final String TEMPLATE = "00000000-0000-4000-8000-000000000301";
  private static final String PROFILE = "00000000-0000-4000-8000-000000000201";

  private String root() {
    return spf.serviceRoot(SEED_SUBSCRIPTION);
  }

  private String create(String name, String more) {
    return jsonLight().body("{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\""
        + more + "}").post(root() + "VirtualMachines").then().statusCode(201).extract().header("Location");
  }

  private JsonNode read(String url) {
    return json(jsonLight().get(url).then().statusCode(200).extract().asString());
  }

  @Test
  void aVmFromTheTemplateHasItsHardwareAndOperatingSystem() {
    JsonNode template = read(root() + "VMTemplates(ID=guid'" + TEMPLATE + "',StampId=guid'" + STAMP + "')");
    String vm = create("from-template", ",\"VMTemplateId\":\"" + TEMPLATE + "\"");
    JsonNode read = read(vm);
    assertEquals(template.get("CPUCount").asInt(), read.get("CPUCount").asInt());
    assertEquals(template.get("Memory").asInt(), read.get("Memory").asInt());
    assertEquals(template.get("DynamicMemoryEnabled"), read.get("DynamicMemoryEnabled"));
    assertEquals(template.get("OperatingSystem").asText(), read.get("OperatingSystem").asText());
    assertEquals(template.get("OperatingSystemInstance").get("Name"), read.get("OperatingSystemInstance").get("Name"));

    Xml atom = Xml.parse(dotNet4().get(vm).then().statusCode(200).extract().asString());
    assertEquals(template.get("CPUCount").asText(), atom.string("/a:entry/a:content/m:properties/d:CPUCount"));
    assertEquals(template.get("OperatingSystemInstance").get("Name").asText(),
        atom.string("/a:entry/a:content/m:properties/d:OperatingSystemInstance/d:Name"));
  }

  @Test
  void aVmFromTheProfileHasItsHardware() {
    String vm = create("from-profile", ",\"HardwareProfileId\":\"" + PROFILE + "\"");
    JsonNode read = read(vm);
    assertEquals(1, read.get("CPUCount").asInt());
    assertEquals(2048, read.get("Memory").asInt());
    Xml atom = Xml.parse(dotNet4().get(vm).then().statusCode(200).extract().asString());
    assertEquals("2048", atom.string("/a:entry/a:content/m:properties/d:Memory"));
  }

  @Test
  void anAtomCreateFromTheTemplateHasItsHardware() {
    String entry = vmAtomEntry("<d:CloudId m:type=\"Edm.Guid\">" + CLOUD + "</d:CloudId>"
        + "<d:CPUCount m:type=\"Edm.Byte\" m:null=\"true\" />"
        + "<d:Memory m:type=\"Edm.Int32\">3072</d:Memory>"
        + "<d:Name>atom-vm</d:Name>"
        + "<d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>"
        + "<d:VMTemplateId m:type=\"Edm.Guid\">" + TEMPLATE + "</d:VMTemplateId>");
    String vm = dotNet4().contentType("application/atom+xml").body(entry).post(root() + "VirtualMachines").then()
        .statusCode(201).extract().header("Location");
    JsonNode read = read(vm);
    assertEquals(2, read.get("CPUCount").asInt(), "a null sent takes the template's");
    assertEquals(3072, read.get("Memory").asInt(), "a value sent wins");
    assertEquals("Windows Server 2012 R2 Datacenter", read.get("OperatingSystem").asText());
  }

  @Test
  void valuesSentInTheCreateWin() {
    String vm = create("sized", ",\"VMTemplateId\":\"" + TEMPLATE + "\",\"CPUCount\":4,\"Memory\":1024");
    JsonNode read = read(vm);
    assertEquals(4, read.get("CPUCount").asInt());
    assertEquals(1024, read.get("Memory").asInt());
  }
}
