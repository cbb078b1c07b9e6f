package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * WAP's tenant API passes on only what tenants may do (REFERENCE.md §2: `CloudCapacities` is served
 * on the admin endpoint only, and templates change through it only); SPF's own roots and WAP's admin
 * root serve everything.
 */
class TenantApiScopeTest extends EmulatorHttpTest {

  private static final String TEMPLATE = "VMTemplates(ID=guid'00000000-0000-4000-8000-000000000301',StampId=guid'"
      + STAMP + "')";

  private String tenantRoot() {
    return spf.serviceRoot(SEED_SUBSCRIPTION);
  }

  private String wapAdminRoot() {
    return spf.baseUrl() + "/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  private String spfTenantRoot() {
    return spf.baseUrl() + "/SC2012R2/VMM/" + SEED_SUBSCRIPTION + "/Microsoft.Management.Odata.svc/";
  }

  @Test
  void cloudCapacitiesAreNotServedToTenants() {
    jsonLight().get(tenantRoot() + "CloudCapacities").then().statusCode(404)
        .body("'odata.error'.code", equalTo("ResourceNotFound"))
        .body("'odata.error'.message.value",
            equalTo("Could not find an entity set or function import for 'CloudCapacities'."));
  }

  @Test
  void cloudCapacitiesAreServedToAdministrators() {
    jsonLight().get(wapAdminRoot() + "CloudCapacities").then().statusCode(200).body("value.size()", equalTo(2));
    jsonLight().get(spfTenantRoot() + "CloudCapacities").then().statusCode(200).body("value.size()", equalTo(1));
  }

  @Test
  void tenantsCannotChangeTemplates() {
    jsonLight().body("{\"Description\":\"by a tenant\"}").put(tenantRoot() + TEMPLATE).then().statusCode(405)
        .header("Allow", "GET");
    jsonLight().get(tenantRoot() + TEMPLATE).then().statusCode(200).body("Description", not(equalTo("by a tenant")));
  }

  @Test
  void administratorsChangeTemplates() {
    jsonLight().body("{\"Description\":\"by the admin\"}").put(spfTenantRoot() + TEMPLATE).then().statusCode(204);
    jsonLight().get(tenantRoot() + TEMPLATE).then().statusCode(200).body("Description", equalTo("by the admin"));
  }

  @Test
  void tenantsStillReadTemplates() {
    jsonLight().get(tenantRoot() + "VMTemplates").then().statusCode(200)
        .body("value.ID", hasItem("00000000-0000-4000-8000-000000000301"));
  }
}
