package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Every VMM entity set is served from the model data, with real SPF's verbs. */
class EntitySetsTest extends EmulatorHttpTest {

  static final List<String> ENTITY_SETS = ServiceDocumentAndMetadataTest.ENTITY_SETS;

  @ParameterizedTest
  @FieldSource("ENTITY_SETS")
  void everySetCanBeListedInEveryFormat(String set) {
    String tenantRoot = emptyRoot();
    // WAP's tenant API does not pass admin-only sets on (TenantApiScopeTest): SPF's own root serves them
    String root = !set.equals("CloudCapacities") ? tenantRoot : tenantRoot.replaceFirst(
        "/([^/]+)/services/systemcenter/vmm/$", "/SC2012R2/VMM/$1/Microsoft.Management.Odata.svc/");
    jsonLight().get(root + set).then().statusCode(200)
        .body("'odata.metadata'", equalTo(root + "$metadata#" + set))
        .body("value.size()", equalTo(0));
    dotNet4().get(root + set + "()").then().statusCode(200).body("feed.id", equalTo(root + set));
  }

  @ParameterizedTest
  @CsvSource({
      "Clouds, POST, GET",
      "Jobs, POST, GET",
      "LogicalNetworks, POST, GET",
      "GuestInfos, POST, GET"})
  void setsThatCannotBeCreatedIn405(String set, String method, String allowed) {
    jsonLight().body("{}").request(method, newRoot() + set).then()
        .statusCode(405)
        .header("Allow", allowed)
        .body("'odata.error'.code", equalTo("MethodNotAllowed"));
  }

  @Test
  void readOnlyAndNoDeleteSetsRefuseTheMissingVerbs() {
    String root = newRoot();
    String key = "(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
    jsonLight().delete(root + "Jobs" + key).then().statusCode(405).header("Allow", "GET, PUT, MERGE, PATCH");
    jsonLight().body("{}").request("MERGE", root + "Clouds" + key).then().statusCode(405).header("Allow", "GET");
    jsonLight().body("{}").put(root + "VMSubnets" + key).then().statusCode(405).header("Allow", "GET, DELETE");
  }

  @Test
  void virtualMachinesAreCreatedReadUpdatedAndDeleted() {
    String root = newRoot();
    String cloud = "4c6c1f4b-4ba5-4b5b-9d6c-4b1f1f7d2c11";
    String location = jsonLight()
        .body("{\"odata.type\":\"VMM.VirtualMachine\",\"Name\":\"web-01\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\""
            + cloud + "\",\"NewVirtualNetworkAdapterInput\":[],\"GrantedToList\":[]}")
        .post(root + "VirtualMachines").then()
        .statusCode(201)
        .header("Location", matchesPattern(".*/VirtualMachines\\(ID=guid'" + GUID + "',StampId=guid'" + STAMP + "'\\)"))
        .body("Name", equalTo("web-01"))
        .body("CloudId", equalTo(cloud))
        .extract().header("Location");
    jsonLight().body("{\"Description\":\"front end\"}").request("MERGE", location).then().statusCode(204);
    jsonLight().get(location).then().statusCode(200).body("Description", equalTo("front end"));
    jsonLight().delete(location).then().statusCode(204);
    jsonLight().get(location).then().statusCode(404);
  }

  @Test
  void virtualMachinesNeedANameAndACloud() {
    jsonLight().body("{\"Name\":\"web-01\",\"StampId\":\"" + STAMP + "\"}").post(newRoot() + "VirtualMachines").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("MissingRequiredProperty"))
        .body("'odata.error'.message.value", containsString("'CloudId'"));
  }

  @Test
  void userRolesHaveASingleKey() {
    String root = newRoot();
    String location = jsonLight().body("{\"Name\":\"Tenant admins\"}").post(root + "UserRoles").then()
        .statusCode(201).extract().header("Location");
    jsonLight().get(location).then().statusCode(200).body("Name", equalTo("Tenant admins"));
    jsonLight().get(location.replace("UserRoles(", "UserRoles(ID=")).then().statusCode(200);
  }
}
