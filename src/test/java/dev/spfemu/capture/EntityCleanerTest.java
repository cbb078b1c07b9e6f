package dev.spfemu.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import org.junit.jupiter.api.Test;

/** An entity of a feed becomes a world file's entity: model properties only, no annotations, no secrets. */
class EntityCleanerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EntityTypeModel vm = ModelLoader.loadDefault().byEntitySet("VirtualMachines");

  @Test
  void annotationsSecretsAndUnknownPropertiesAreLeftOutAndReferencesKept() throws Exception {
    ObjectNode entity = (ObjectNode) JSON.readTree("{\"odata.type\":\"VMM.VirtualMachine\","
        + "\"ID\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\",\"Name@odata.type\":\"Edm.String\",\"Name\":\"web-01\","
        + "\"LocalAdminPassword\":\"p@ss\",\"CloudId\":\"00000000-0000-4000-8000-000000000101\","
        + "\"Owner\":{\"odata.type\":\"VMM.UserAndRole\",\"UserName\":\"u\",\"RoleID@odata.type\":\"Edm.Guid\","
        + "\"RoleID\":null},\"NotInTheModel\":1}");
    int[] dropped = {0};
    ObjectNode clean = EntityCleaner.clean(vm, entity, dropped);
    assertEquals("f11b61fa-b5c7-4807-93b4-f9b371896c6f", clean.get("ID").asText());
    assertEquals("web-01", clean.get("Name").asText());
    assertEquals("00000000-0000-4000-8000-000000000101", clean.get("CloudId").asText(), "references are kept");
    assertEquals("{\"UserName\":\"u\",\"RoleID\":null}", clean.get("Owner").toString());
    assertEquals(false, clean.has("LocalAdminPassword"), "secrets are left out");
    assertEquals(false, clean.has("NotInTheModel"));
    assertEquals(false, clean.toString().contains("odata"), clean.toString());
    assertEquals(1, dropped[0]);
  }
}
