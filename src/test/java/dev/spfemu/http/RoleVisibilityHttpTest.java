package dev.spfemu.http;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * A tenant sees what its user role may see: the demo world's two subscriptions (each with its own VMM
 * user role, as WAP makes them) see only their own VMs, networks and quotas on their tenant roots, a
 * VM of the other is 404 there, and only the all-subscriptions root (SPF's administrator) sees both.
 * A VM a tenant creates belongs to its role ({@code Owner.RoleID}/{@code RoleName}).
 */
class RoleVisibilityHttpTest extends EmulatorHttpTest {

  private static final String CONTOSO = "3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c";
  private static final String FABRIKAM_ROLE = "00000000-0000-4000-8000-000000000900";
  private static final String CONTOSO_ROLE = "00000000-0000-4000-8000-000000000901";

  private String tenantRoot(String subscription) {
    return spf.baseUrl() + "/" + subscription + "/services/systemcenter/vmm/";
  }

  @Test
  void eachTenantListsOnlyTheVirtualMachinesOfItsRole() {
    jsonLight().get(tenantRoot(DEMO_SUBSCRIPTION) + "VirtualMachines").then().statusCode(200)
        .body("value.Name", containsInAnyOrder("web-01", "sql-01"))
        .body("value.Owner.RoleID", everyItem(equalTo(FABRIKAM_ROLE)));
    jsonLight().get(tenantRoot(CONTOSO) + "VirtualMachines").then().statusCode(200)
        .body("value.Name", not(hasItems("web-01", "sql-01")))
        .body("value.Owner.RoleID", everyItem(equalTo(CONTOSO_ROLE)));
  }

  @Test
  void aVirtualMachineOfAnotherTenantIsNotFoundByKey() {
    String key = "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
    jsonLight().get(tenantRoot(DEMO_SUBSCRIPTION) + key).then().statusCode(200);
    jsonLight().get(tenantRoot(CONTOSO) + key).then().statusCode(404);
    request().accept("application/atom+xml").get(tenantRoot(CONTOSO) + key).then().statusCode(404);
  }

  @Test
  void quotasAndNetworksAreTheTenantsOwn() {
    jsonLight().get(tenantRoot(CONTOSO) + "QuotaAndUsageComponents").then().statusCode(200)
        .body("value.UserRoleID", everyItem(equalTo(CONTOSO_ROLE)));
    jsonLight().get(tenantRoot(DEMO_SUBSCRIPTION) + "QuotaAndUsageComponents").then().statusCode(200)
        .body("value.UserRoleID", everyItem(equalTo(FABRIKAM_ROLE)));
    jsonLight().get(tenantRoot(CONTOSO) + "VMNetworks").then().statusCode(200)
        .body("value.Owner.RoleID", everyItem(equalTo(CONTOSO_ROLE)));
  }

  @Test
  void theAdministratorsRootSeesEveryTenant() {
    jsonLight().get(spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/VirtualMachines").then()
        .statusCode(200).body("value.Owner.RoleID", hasItems(FABRIKAM_ROLE, CONTOSO_ROLE));
  }

  @Test
  void aNewVirtualMachineBelongsToTheCallersRole() {
    String body = "{\"Name\":\"mine\",\"StampId\":\"5e3b1f0a-7c2d-4e8f-9a1b-2c3d4e5f6a7b\","
        + "\"CloudId\":\"00000000-0000-4000-8000-000000000102\"}";
    jsonLight().header("x-ms-principal-id", "admin@contoso.com").body(body)
        .post(tenantRoot(CONTOSO) + "VirtualMachines").then().statusCode(201)
        .body("Owner.UserName", equalTo("admin@contoso.com"))
        .body("Owner.RoleID", equalTo(CONTOSO_ROLE))
        .body("Owner.RoleName", equalTo("Tenant - contoso"));
  }
}
