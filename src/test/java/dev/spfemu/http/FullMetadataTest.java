package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.xml.XmlPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON light at {@code odata=fullmetadata}: which values carry a {@code Prop@odata.type}
 * annotation. As WCF Data Services writes them, a value whose JSON form shows its type (a string,
 * a boolean, an Int32 or a Double number) has none; every other primitive (GUIDs, dates, Int64,
 * Byte, Int16…), every complex value and every collection has one, written just before it; a null
 * value has none.
 */
class FullMetadataTest extends EmulatorHttpTest {

  private static final String FULL = "application/json;odata=fullmetadata";
  /** The types whose JSON form shows them: no annotation. */
  private static final Set<String> SELF_EVIDENT = Set.of("Edm.String", "Edm.Boolean", "Edm.Int32", "Edm.Double");

  private String root;
  private String location;
  private JsonNode full;

  @BeforeAll
  void createAVmWithValuesOfEveryKind() {
    root = newRoot();
    location = jsonLight().body("{\"Name\":\"annotated\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\","
        + "\"Description\":\"a string\",\"HighlyAvailable\":true,\"Memory\":4096,\"CPUCount\":2,"
        + "\"MemoryAvailablePercentage\":50,\"TotalSize\":\"10737418240\",\"PerfDiskBytesRead\":null,"
        + "\"Owner\":{\"UserName\":\"u\",\"RoleName\":\"r\",\"RoleID\":null},"
        + "\"GrantedToList\":[{\"UserName\":\"a\",\"RoleName\":\"A\",\"RoleID\":null}]}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    full = json(request().header("Accept", FULL).get(location).then().statusCode(200)
        .header("Content-Type", "application/json; odata=fullmetadata; streaming=true; charset=utf-8")
        .extract().asString());
  }

  private String annotation(String property) {
    JsonNode annotation = full.get(property + "@odata.type");
    return annotation == null ? null : annotation.asText();
  }

  @Test
  void valuesWhoseJsonShowsTheirTypeAreNotAnnotated() {
    assertEquals("annotated", full.get("Name").asText());
    assertEquals(null, annotation("Name"), "Edm.String");
    assertEquals(null, annotation("Description"), "Edm.String");
    assertTrue(full.get("HighlyAvailable").asBoolean());
    assertEquals(null, annotation("HighlyAvailable"), "Edm.Boolean");
    assertEquals(4096, full.get("Memory").asInt());
    assertEquals(null, annotation("Memory"), "Edm.Int32");
  }

  @Test
  void valuesWhoseJsonHidesTheirTypeAreAnnotated() {
    assertEquals("Edm.Guid", annotation("ID"));
    assertEquals("Edm.Guid", annotation("StampId"));
    assertEquals("Edm.DateTime", annotation("AddedTime"));
    assertEquals("Edm.Int64", annotation("TotalSize"));
    assertEquals("10737418240", full.get("TotalSize").asText());
    assertEquals("Edm.Byte", annotation("CPUCount"));
    assertEquals("Edm.Int16", annotation("MemoryAvailablePercentage"));
    assertEquals("VMM.UserAndRole", annotation("Owner"));
    assertEquals("Collection(VMM.UserAndRole)", annotation("GrantedToList"));
  }

  @Test
  void nullValuesAreNotAnnotated() {
    assertTrue(full.has("PerfDiskBytesRead") && full.get("PerfDiskBytesRead").isNull());
    assertEquals(null, annotation("PerfDiskBytesRead"), "Edm.Int64, but null");
    assertTrue(full.get("Owner").get("RoleID").isNull());
  }

  @Test
  void anAnnotationComesJustBeforeItsValue() {
    List<String> names = fieldNames(full);
    int annotations = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.endsWith("@odata.type")) {
        annotations++;
        assertEquals(name.substring(0, name.length() - "@odata.type".length()), names.get(i + 1));
      }
    }
    assertTrue(annotations >= 9, "the annotations checked above at least: " + annotations);
  }

  @Test
  void everyPropertyFollowsTheRuleForItsDeclaredType() {
    String metadata = request().header("Accept", "application/xml").get(root + "$metadata").then().statusCode(200)
        .extract().asString();
    XmlPath edmx = new XmlPath(metadata);
    String vmProperties = "Edmx.DataServices.Schema.EntityType.find { it.@Name == 'VirtualMachine' }.Property";
    List<String> names = edmx.getList(vmProperties + ".@Name");
    List<String> types = edmx.getList(vmProperties + ".@Type");
    assertEquals(names.size(), types.size());
    Map<String, String> declared = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      declared.put(names.get(i), types.get(i));
    }
    assertTrue(declared.size() > 50, "the VirtualMachine type: " + declared.keySet());

    List<String> checked = new ArrayList<>();
    for (String name : fieldNames(full)) {
      if (name.startsWith("odata.") || name.contains("@")) {
        continue;
      }
      String type = declared.get(name);
      assertTrue(type != null, "a declared property: " + name);
      String expected = full.get(name).isNull() || SELF_EVIDENT.contains(type) ? null : type;
      assertEquals(expected, annotation(name), name + " of type " + type);
      checked.add(name);
    }
    Set<String> values = new java.util.HashSet<>(declared.keySet());
    values.removeIf(name -> declared.get(name).equals("Edm.Stream"));
    assertEquals(values, Set.copyOf(checked), "every property is written");
    assertEquals("Edm.Stream", declared.get("VMConnection"));
    assertTrue(full.has("VMConnection@odata.mediaContentType"), "a named stream is written as its annotations");
    for (String name : fieldNames(full)) {
      if (name.endsWith("@odata.type")) {
        assertTrue(full.has(name.substring(0, name.length() - "@odata.type".length())), name + " annotates a value");
      }
    }
  }

  @Test
  void minimalAndNoMetadataAnnotateNothing() {
    for (String level : List.of("minimalmetadata", "nometadata")) {
      JsonNode entity = json(request().header("Accept", "application/json;odata=" + level).get(location).then()
          .statusCode(200).extract().asString());
      for (String name : fieldNames(entity)) {
        assertFalse(name.contains("@odata.type"), level + ": " + name);
        assertFalse(name.equals("odata.type") || name.equals("odata.id") || name.equals("odata.editLink"),
            level + ": " + name);
      }
      assertEquals("annotated", entity.get("Name").asText(), level);
    }
  }

  @Test
  void fullMetadataNamesTheEntity() {
    assertEquals(List.of("odata.metadata", "odata.type", "odata.id", "odata.editLink"), fieldNames(full).subList(0, 4));
    assertEquals(root + "$metadata#VirtualMachines/@Element", full.get("odata.metadata").asText());
    assertEquals("VMM.VirtualMachine", full.get("odata.type").asText());
    assertEquals(location, full.get("odata.id").asText());
    assertEquals(location.substring(root.length()), full.get("odata.editLink").asText());
  }
}
