package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Complex and collection properties (VMM.UserAndRole, Collection(...)) in every format, both ways. */
class StructuredPropertiesTest extends EmulatorHttpTest {

  private static final String ROLE = "7f7d2a1e-9c3b-4d1a-8e2f-1a2b3c4d5e6f";

  private static String vm() {
    return "{\"odata.type\":\"VMM.VirtualMachine\",\"Name\":\"db-01\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\""
        + CLOUD + "\",\"Owner\":{\"UserName\":\"tenant@fabrikam.com\",\"RoleName\":\"Tenant\",\"RoleID\":\"" + ROLE
        + "\"},\"GrantedToList\":[{\"UserName\":\"a@fabrikam.com\",\"RoleName\":\"A\",\"RoleID\":null},"
        + "{\"UserName\":\"b@fabrikam.com\",\"RoleName\":\"B\",\"RoleID\":\"" + ROLE + "\"}],"
        + "\"GrantedToList@odata.type\":\"Collection(VMM.UserAndRole)\","
        + "\"OperatingSystemInstance\":{\"Name\":\"Windows Server 2012 R2 Datacenter\",\"Architecture\":\"amd64\"}}";
  }

  @Test
  void complexAndCollectionValuesRoundTripInJsonLight() {
    String location = jsonLight().body(vm()).post(newRoot() + "VirtualMachines").then()
        .statusCode(201)
        .body("Owner.UserName", equalTo("tenant@fabrikam.com"))
        .body("Owner.RoleID", equalTo(ROLE))
        .body("GrantedToList.size()", equalTo(2))
        .body("GrantedToList[1].RoleName", equalTo("B"))
        .body("OperatingSystemInstance.Architecture", equalTo("amd64"))
        .body("VMNetworkAssignments", equalTo(List.of()))
        .extract().header("Location");
    request().header("Accept", "application/json;odata=fullmetadata").get(location).then()
        .statusCode(200)
        .body("'GrantedToList@odata.type'", equalTo("Collection(VMM.UserAndRole)"))
        .body("'Owner@odata.type'", equalTo("VMM.UserAndRole"));
  }

  @Test
  void atomWritesComplexMembersAndCollectionElements() {
    String location = jsonLight().body(vm()).post(newRoot() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    String body = dotNet4().get(location).then().statusCode(200).extract().asString();
    XmlPath entry = new XmlPath(body);
    String properties = "entry.content.properties.";
    assertEquals("VMM.UserAndRole", entry.getString(properties + "Owner.@'m:type'"));
    assertEquals("Tenant", entry.getString(properties + "Owner.RoleName"));
    assertEquals("Collection(VMM.UserAndRole)", entry.getString(properties + "GrantedToList.@'m:type'"));
    assertEquals(List.of("a@fabrikam.com", "b@fabrikam.com"),
        entry.getList(properties + "GrantedToList.element.UserName"));
    assertEquals("true", entry.getString(properties + "GrantedToList.element[0].RoleID.@'m:null'"));
  }

  @Test
  void verboseWritesCollectionsWithResults() {
    String location = jsonLight().body(vm()).post(newRoot() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    request().header("Accept", "application/json;odata=verbose").get(location).then().statusCode(200)
        .body("d.GrantedToList.__metadata.type", equalTo("Collection(VMM.UserAndRole)"))
        .body("d.GrantedToList.results.size()", equalTo(2))
        .body("d.Owner.__metadata.type", equalTo("VMM.UserAndRole"));
  }

  @Test
  void verboseWritesTheMembersOfComplexValuesAndOfCollectionElements() {
    String location = jsonLight().body(vm()).post(newRoot() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    JsonNode d = json(request().header("Accept", "application/json;odata=verbose").get(location).then()
        .statusCode(200).extract().asString()).get("d");

    JsonNode owner = d.get("Owner");
    assertEquals(List.of("__metadata", "UserName", "RoleName", "RoleID"), fieldNames(owner), "members in model order");
    assertEquals("VMM.UserAndRole", owner.get("__metadata").get("type").asText());
    assertEquals(List.of("type"), fieldNames(owner.get("__metadata")), "a complex value has a type, no uri");
    assertEquals("tenant@fabrikam.com", owner.get("UserName").asText());
    assertEquals("Tenant", owner.get("RoleName").asText());
    assertEquals(ROLE, owner.get("RoleID").asText());

    JsonNode granted = d.get("GrantedToList").get("results");
    assertEquals(2, granted.size());
    for (int i = 0; i < granted.size(); i++) {
      assertEquals("VMM.UserAndRole", granted.get(i).get("__metadata").get("type").asText());
      assertEquals(List.of("__metadata", "UserName", "RoleName", "RoleID"), fieldNames(granted.get(i)));
    }
    assertEquals("a@fabrikam.com", granted.get(0).get("UserName").asText());
    assertEquals("A", granted.get(0).get("RoleName").asText());
    assertTrue(granted.get(0).get("RoleID").isNull());
    assertEquals("b@fabrikam.com", granted.get(1).get("UserName").asText());
    assertEquals(ROLE, granted.get(1).get("RoleID").asText());

    JsonNode os = d.get("OperatingSystemInstance");
    assertEquals("VMM.OperatingSystem", os.get("__metadata").get("type").asText());
    assertEquals("Windows Server 2012 R2 Datacenter", os.get("Name").asText());
    assertEquals("amd64", os.get("Architecture").asText());
    assertTrue(os.has("Edition") && os.get("Edition").isNull(), "members not sent are written as null: " + os);

    JsonNode none = d.get("VMNetworkAssignments");
    assertEquals("Collection(VMM.VMNetworkAssignment)", none.get("__metadata").get("type").asText());
    assertTrue(none.get("results").isArray() && none.get("results").isEmpty(), none.toString());
  }

  @Test
  void verboseWritesPrimitiveCollectionsWithResults() {
    String role = jsonLight().body("{\"Name\":\"Operators\",\"Members\":[\"alice\",\"bob\"]}")
        .post(newRoot() + "UserRoles").then().statusCode(201).extract().header("Location");
    JsonNode members = json(request().header("Accept", "application/json;odata=verbose").get(role).then()
        .statusCode(200).extract().asString()).get("d").get("Members");
    assertEquals("Collection(Edm.String)", members.get("__metadata").get("type").asText());
    assertEquals(List.of("alice", "bob"), List.of(members.get("results").get(0).asText(),
        members.get("results").get(1).asText()));
    assertEquals(2, members.get("results").size());
  }

  @Test
  void atomAndVerboseBodiesCarryCollectionsIn() {
    String root = newRoot();
    String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><entry xmlns=\"http://www.w3.org/2005/Atom\""
        + " xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\""
        + " xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\">"
        + "<category term=\"VMM.UserRole\" scheme=\"http://schemas.microsoft.com/ado/2007/08/dataservices/scheme\"/>"
        + "<content type=\"application/xml\"><m:properties><d:Name>Operators</d:Name>"
        + "<d:Members m:type=\"Collection(Edm.String)\"><d:element>alice</d:element><d:element>bob</d:element>"
        + "</d:Members></m:properties></content></entry>";
    String atomRole = dotNet4().contentType("application/atom+xml").body(atom).post(root + "UserRoles").then()
        .statusCode(201).extract().header("Location");
    jsonLight().get(atomRole).then().statusCode(200).body("Members", equalTo(List.of("alice", "bob")))
        .body("Permission", equalTo(List.of()));

    String verbose = "{\"Name\":\"Readers\",\"Members\":{\"__metadata\":{\"type\":\"Collection(Edm.String)\"},"
        + "\"results\":[\"carol\"]}}";
    String verboseRole = request().contentType("application/json;odata=verbose").body(verbose)
        .post(root + "UserRoles").then().statusCode(201).extract().header("Location");
    jsonLight().get(verboseRole).then().statusCode(200).body("Members", equalTo(List.of("carol")));
  }

  @Test
  void badStructuredValuesAre400() {
    String root = emptyRoot();
    jsonLight().body(vm().replace("\"Owner\":{", "\"Owner\":\"someone\",\"Ignored\":{")).post(root + "VirtualMachines")
        .then().statusCode(400).body("'odata.error'.code", equalTo("InvalidPropertyValue"))
        .body("'odata.error'.message.value", containsString("'Owner'"));
    jsonLight().body(vm().replace("\"RoleName\":\"Tenant\"", "\"Colour\":\"red\"")).post(root + "VirtualMachines")
        .then().statusCode(400).body("'odata.error'.code", equalTo("UnknownProperty"))
        .body("'odata.error'.message.value", containsString("VMM.UserAndRole"));
    jsonLight().body(vm().replace("\"GrantedToList\":[", "\"GrantedToList\":{\"x\":[")).post(root + "VirtualMachines")
        .then().statusCode(400);
    assertEquals(0, json(jsonLight().get(root + "VirtualMachines").then().extract().asString()).get("value").size());
  }

  @Test
  void metadataDeclaresComplexAndCollectionTypes() {
    String body = request().header("Accept", "application/xml").get(newRoot() + "$metadata").then().statusCode(200)
        .extract().asString();
    assertTrue(body.contains("m:MaxDataServiceVersion=\"3.0\""), body.substring(0, 400));
    XmlPath edmx = new XmlPath(body);
    String schema = "Edmx.DataServices.Schema.";
    assertEquals(List.of("UserName", "RoleName", "RoleID"),
        edmx.getList(schema + "ComplexType.find { it.@Name == 'UserAndRole' }.Property.@Name"));
    String vm = schema + "EntityType.find { it.@Name == 'VirtualMachine' }.Property";
    assertEquals("Collection(VMM.UserAndRole)", edmx.getString(vm + ".find { it.@Name == 'GrantedToList' }.@Type"));
    assertEquals("VMM.OperatingSystem", edmx.getString(vm + ".find { it.@Name == 'OperatingSystemInstance' }.@Type"));
  }

  @Test
  void selectOfAComplexPropertyWorks() {
    String location = jsonLight().body(vm()).post(newRoot() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    jsonLight().get(location + "?$select=Name,Owner").then().statusCode(200)
        .body("Owner.RoleName", equalTo("Tenant"))
        .body("Name", equalTo("db-01"));
  }
}
