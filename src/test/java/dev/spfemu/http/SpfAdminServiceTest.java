package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPF's Admin web service at {@code /SC2012R2/Admin/Microsoft.Management.Odata.svc/}: its service
 * document and {@code $metadata} (namespace and container {@code Admin}), the demo world's stamps
 * and tenants, and create, read, update and delete of each set in the formats of the VMM service.
 */
class SpfAdminServiceTest extends EmulatorHttpTest {

  static final List<String> ADMIN_SETS = List.of("Stamps", "Servers", "Tenants", "TenantResources");
  static final String STAMP_B = "5e3b1f0a-7c2d-4e8f-9a1b-2c3d4e5f6a7b";

  String admin() {
    return spf.adminServiceRoot();
  }

  @Test
  void theRootServesAServiceDocumentOfTheAdminSets() {
    String body = request().header("Accept", "application/xml").get(admin()).then().statusCode(200)
        .header("Content-Type", "application/xml;charset=utf-8").extract().asString();
    XmlPath service = new XmlPath(body);
    assertEquals(admin(), service.getString("service.@'xml:base'"));
    assertEquals(ADMIN_SETS, service.getList("service.workspace.collection.@href"));

    jsonLight().get(admin()).then().statusCode(200)
        .body("'odata.metadata'", equalTo(admin() + "$metadata"))
        .body("value.name", equalTo(ADMIN_SETS));
    jsonLight().get(spf.baseUrl() + "/sc2012/admin/microsoft.management.odata.svc").then().statusCode(200)
        .body("value.name", equalTo(ADMIN_SETS));
  }

  @Test
  void metadataHasItsOwnNamespaceAndContainer() {
    String body = request().get(admin() + "$metadata").then().statusCode(200)
        .header("DataServiceVersion", "3.0;").extract().asString();
    XmlPath edmx = new XmlPath(body);
    assertEquals("Admin", edmx.getString("Edmx.DataServices.Schema.@Namespace"));
    assertEquals("Admin", edmx.getString("Edmx.DataServices.Schema.EntityContainer.@Name"));
    assertEquals(ADMIN_SETS, edmx.getList("Edmx.DataServices.Schema.EntityContainer.EntitySet.@Name"));
    assertEquals("Admin.Tenant", edmx.getString(
        "Edmx.DataServices.Schema.EntityContainer.EntitySet.find { it.@Name == 'Tenants' }.@EntityType"));
    String tenant = "Edmx.DataServices.Schema.EntityType.find { it.@Name == 'Tenant' }";
    assertEquals(List.of("ID"), edmx.getList(tenant + ".Key.PropertyRef.@Name"));
    assertEquals(List.of("ID", "Name", "SubscriptionID", "AccountStatus", "IssuerName", "Key"),
        edmx.getList(tenant + ".Property.@Name"));
    assertEquals(List.of("TenantId", "StampId"), edmx.getList(
        "Edmx.DataServices.Schema.EntityType.find { it.@Name == 'TenantResource' }.Key.PropertyRef.@Name"));
    assertTrue(!body.contains("VirtualMachine"), "the VMM service's types are not the Admin service's");
  }

  @Test
  void theDemoWorldHasBothStampsTheirServersAndATenantPerSubscription() {
    jsonLight().get(admin() + "Stamps").then().statusCode(200).body("value.ID", hasItems(STAMP, STAMP_B));
    jsonLight().get(admin() + "Servers").then().statusCode(200).body("value.ServerType", hasItems("VMM"));
    // what a connector reads to find the tenant of its subscription (Atom, $select=Name)
    String atom = dotNet4().get(admin() + "Tenants(guid'" + SEED_SUBSCRIPTION + "')?$select=Name").then()
        .statusCode(200).extract().asString();
    assertEquals("fabrikam", Xml.parse(atom).string("//m:properties/d:Name"));
    jsonLight().get(admin() + "TenantResources(TenantId=guid'" + SEED_SUBSCRIPTION + "',StampId=guid'" + STAMP + "')")
        .then().statusCode(200).body("UserRoleID", equalTo("00000000-0000-4000-8000-000000000900"));
    jsonLight().get(spf.serviceRoot(SEED_SUBSCRIPTION) + "UserRoles(guid'00000000-0000-4000-8000-000000000900')")
        .then().statusCode(200).body("Profile", equalTo("TenantAdmin"));
  }

  @Test
  void stampsAreCreatedReadChangedAndDeleted() {
    crud("Stamps", "{\"Name\":\"Stamp C\"}", "Name", "Stamp C", "{\"Name\":\"Stamp C (renamed)\"}");
  }

  @Test
  void serversAreCreatedReadChangedAndDeleted() {
    crud("Servers", "{\"Name\":\"vmm-c.fabrikam.local\",\"ServerType\":\"VMM\"}", "ServerType", "VMM",
        "{\"Name\":\"vmm-c2.fabrikam.local\"}");
  }

  @Test
  void tenantsAreCreatedReadChangedAndDeleted() {
    crud("Tenants", "{\"Name\":\"crud tenant\"}", "AccountStatus", 0, "{\"AccountStatus\":1}");
  }

  /** POST (201, Location with the single key), GET, MERGE (204), DELETE (204), then GET is 404. */
  private void crud(String set, String body, String property, Object expected, String change) {
    String location = jsonLight().body(body).post(admin() + set).then().statusCode(201)
        .header("Location", matchesPattern(java.util.regex.Pattern.quote(admin() + set) + "\\(guid'" + GUID + "'\\)"))
        .body(property, equalTo(expected))
        .body("'odata.metadata'", equalTo(admin() + "$metadata#" + set + "/@Element"))
        .extract().header("Location");
    String id = location.substring(location.indexOf("guid'") + 5, location.length() - 2);
    jsonLight().get(admin() + set).then().statusCode(200).body("value.ID", hasItems(id));
    jsonLight().body(change).request("MERGE", location).then().statusCode(204);
    JsonNode changed = json(jsonLight().get(location).then().statusCode(200).extract().asString());
    JsonNode sent = json(change);
    sent.fieldNames().forEachRemaining(name -> assertEquals(sent.get(name), changed.get(name), name));
    jsonLight().delete(location).then().statusCode(204);
    jsonLight().get(location).then().statusCode(404);
  }

  @Test
  void entitiesAreWrittenInEveryFormatWithTheAdminNamespace() {
    String tenant = admin() + "Tenants(guid'" + SEED_SUBSCRIPTION + "')";
    request().header("Accept", "application/json;odata=fullmetadata").get(tenant).then().statusCode(200)
        .body("'odata.type'", equalTo("Admin.Tenant"))
        .body("'odata.id'", equalTo(tenant));
    request().header("Accept", "application/json;odata=verbose").get(tenant).then().statusCode(200)
        .body("d.__metadata.type", equalTo("Admin.Tenant"))
        .body("d.Name", equalTo("fabrikam"));
    Xml entry = Xml.parse(dotNet4().get(tenant).then().statusCode(200).extract().asString());
    assertEquals("Admin.Tenant", entry.string("/a:entry/a:category/@term"));
    assertEquals(SEED_SUBSCRIPTION, entry.string("//m:properties/d:SubscriptionID"));
  }

  @Test
  void aCreateIsCheckedAsStrictlyAsTheVmmServicesCreates() {
    jsonLight().body("{\"ServerType\":\"VMM\"}").post(admin() + "Servers").then().statusCode(400)
        .body("'odata.error'.message.value", containsString("Name"));
    jsonLight().body("{\"Name\":\"x\",\"Nope\":1}").post(admin() + "Stamps").then().statusCode(400);
    jsonLight().body("{\"TenantId\":\"" + UUID.randomUUID() + "\",\"StampId\":\"" + STAMP + "\"}")
        .post(admin() + "TenantResources").then().statusCode(404)
        .body("'odata.error'.code", equalTo("ReferencedEntityNotFound"));
    jsonLight().body("{}").put(admin() + "TenantResources(TenantId=guid'" + SEED_SUBSCRIPTION + "',StampId=guid'"
        + STAMP + "')").then().statusCode(405).header("Allow", containsString("DELETE"));
    jsonLight().get(admin() + "VirtualMachines").then().statusCode(404);
  }
}
