package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.xml.XmlPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** $metadata (EDMX for OData v3) and the service document in XML, JSON light and verbose. */
class ServiceDocumentAndMetadataTest extends EmulatorHttpTest {

  /** Every entity set of SPF's VMM service, in the model's order. */
  static final List<String> ENTITY_SETS = List.of("VMCheckPoints", "VirtualMachines", "Clouds", "CloudCapacities",
      "Jobs", "VMTemplates", "VirtualHardDisks", "VirtualDiskDrives", "VirtualDVDDrives", "VirtualNetworkAdapters",
      "VMNetworks", "VMSubnets", "LogicalNetworks", "StaticIPAddressPools", "VMNetworkGateways", "NATConnections",
      "NATRules", "VPNConnections", "HardwareProfiles", "UserRoles", "QuotaAndUsageComponents", "GuestInfos",
      "Services", "ServiceTemplates", "ComputerTiers", "ApplicationHostTemplates", "ApplicationHosts",
      "VMRoleSizeProfiles", "CapabilityProfiles", "LibraryShares", "VirtualSCSIAdapters");

  @Test
  void metadataIsAVersionThreeEdmxWithTheCheckpointType() {
    String root = newRoot();
    String body = request().header("Accept", "application/xml").get(root + "$metadata").then()
        .statusCode(200)
        .header("Content-Type", "application/xml;charset=utf-8")
        .header("DataServiceVersion", "3.0;")
        .extract().asString();
    XmlPath edmx = new XmlPath(body);
    assertEquals("3.0", edmx.getString("Edmx.DataServices.@'m:DataServiceVersion'"));
    assertEquals("VMM", edmx.getString("Edmx.DataServices.Schema.@Namespace"));
    assertEquals(true, body.contains("xmlns=\"http://schemas.microsoft.com/ado/2009/11/edm\""));
    String type = "Edmx.DataServices.Schema.EntityType.find { it.@Name == 'VMCheckPoint' }";
    assertEquals(List.of("ID", "StampId"), edmx.getList(type + ".Key.PropertyRef.@Name"));
    assertEquals(fieldNames(json(fixture("seed-response.json"))).subList(1, 15),
        edmx.getList(type + ".Property.@Name"));
    assertEquals("Edm.Guid", edmx.getString(type + ".Property.find { it.@Name == 'CheckpointID' }.@Type"));
    assertEquals("Edm.Guid", edmx.getString(type + ".Property.find { it.@Name == 'ParentCheckpointID' }.@Type"));
    assertEquals("Edm.DateTime", edmx.getString(type + ".Property.find { it.@Name == 'AddedTime' }.@Type"));
    assertEquals("false", edmx.getString(type + ".Property.find { it.@Name == 'StampId' }.@Nullable"));
    assertEquals("VMM.VMCheckPoint",
        edmx.getString("Edmx.DataServices.Schema.EntityContainer.EntitySet.find { it.@Name == 'VMCheckPoints' }.@EntityType"));
    assertEquals(ENTITY_SETS, edmx.getList("Edmx.DataServices.Schema.EntityContainer.EntitySet.@Name"));
    assertEquals(List.of("ID"), edmx.getList(
        "Edmx.DataServices.Schema.EntityType.find { it.@Name == 'UserRole' }.Key.PropertyRef.@Name"));
    assertEquals(List.of("StampId", "VMId"), edmx.getList(
        "Edmx.DataServices.Schema.EntityType.find { it.@Name == 'GuestInfo' }.Key.PropertyRef.@Name"));
  }

  @Test
  void metadataAskedForAsJsonOnlyIs406() {
    request().header("Accept", "application/json").get(newRoot() + "$metadata").then()
        .statusCode(406)
        .body("'odata.error'.message.value", org.hamcrest.Matchers.containsString("application/xml"));
  }

  /** What WAP's tenant API lists: every set but the admin-only ones (TenantApiScopeTest). */
  static final List<String> TENANT_SETS = ENTITY_SETS.stream().filter(set -> !set.equals("CloudCapacities")).toList();

  @Test
  void spfsOwnRootListsEverySet() {
    String root = newRoot().replaceFirst("/([^/]+)/services/systemcenter/vmm/$",
        "/SC2012R2/VMM/$1/Microsoft.Management.Odata.svc/");
    request().header("Accept", "application/json;odata=verbose").get(root).then()
        .statusCode(200)
        .body("d.EntitySets", equalTo(ENTITY_SETS));
  }

  @Test
  void serviceDocumentInXml() {
    String root = newRoot();
    String body = request().header("Accept", "application/xml").get(root).then()
        .statusCode(200)
        .header("Content-Type", "application/xml;charset=utf-8")
        .header("DataServiceVersion", "1.0;")
        .extract().asString();
    XmlPath service = new XmlPath(body);
    assertEquals(root, service.getString("service.@'xml:base'"));
    assertEquals(TENANT_SETS, service.getList("service.workspace.collection.@href"));
    assertEquals(TENANT_SETS, service.getList("service.workspace.collection.title"));
  }

  @Test
  void serviceDocumentInJsonLight() {
    String root = newRoot();
    jsonLight().get(root).then()
        .statusCode(200)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .header("DataServiceVersion", "3.0;")
        .body("'odata.metadata'", equalTo(root + "$metadata"))
        .body("value[0].name", equalTo("VMCheckPoints"))
        .body("value[0].url", equalTo("VMCheckPoints"));
  }

  @Test
  void serviceDocumentWithoutTrailingSlashAndInVerboseJson() {
    String root = newRoot();
    request().header("Accept", "application/json;odata=verbose").get(root.substring(0, root.length() - 1)).then()
        .statusCode(200)
        .body("d.EntitySets", equalTo(TENANT_SETS));
  }
}
