package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Creates through the roots that see every subscription (the Terraform provider creates VMs and disk
 * drives on SPF's own root, CLIENTS.md D.2): the entity lands in the subscription of what it hangs off.
 */
class AllSubscriptionsCreateTest extends EmulatorHttpTest {

  /** SPF's root as the Terraform provider's base_url ends, with the slash it adds: every path has "svc//". */
  private String terraformRoot() {
    return spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  /** A POST as the Terraform provider sends it: no Accept (so Atom back), JSON body, a constant principal. */
  private static HttpResponse<String> terraformPost(String url, String body) {
    return BadInputTest.send(HttpRequest.newBuilder(URI.create(url))
        .header("x-ms-principal-id", "terraform-provider-vmm")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Creates a VM with an ID of its own (the other tests' VMs share theirs) in {@code root}; its ID. */
  private static String vmIn(String root) {
    String id = UUID.randomUUID().toString();
    jsonLight().body("{\"ID\":\"" + id + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"own\",\"CloudId\":\"" + CLOUD
        + "\"}").post(root + "VirtualMachines").then().statusCode(201);
    return id;
  }

  /** The new entity's ID, read as the provider reads it: the Atom entry's content>properties>ID. */
  private static String atomId(HttpResponse<String> created) {
    assertEquals(201, created.statusCode(), created.body());
    return new XmlPath(created.body()).getString("entry.content.properties.ID");
  }

  @Test
  void terraformCreatesAVmInTheSubscriptionOfItsCloudAndADriveInTheOneOfItsVm() {
    String vm = atomId(terraformPost(terraformRoot() + "/VirtualMachines", "{\"odata.type\":\"VMM.VirtualMachine\","
        + "\"StampId\":\"" + STAMP + "\",\"Name\":\"tf-vm\",\"CloudId\":\"" + CLOUD + "\",\"VMTemplateId\":null,"
        + "\"Description\":null,\"ComputerName\":null}"));
    String seedVm = spf.serviceRoot(SEED_SUBSCRIPTION) + "VirtualMachines(ID=guid'" + vm + "',StampId=guid'" + STAMP
        + "')";
    jsonLight().get(seedVm).then().statusCode(200).body("Name", equalTo("tf-vm"));

    String tenant = emptyRoot();
    String tenantVm = vmIn(tenant);
    String drive = atomId(terraformPost(terraformRoot() + "/VirtualDiskDrives", "{\"odata.type\":"
        + "\"VMM.VirtualDiskDrive\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + tenantVm + "\"}"));
    jsonLight().get(tenant + "VirtualDiskDrives(ID=guid'" + drive + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(200).body("VMId", equalTo(tenantVm));

    jsonLight().delete(terraformRoot() + "VirtualMachines(ID=guid'" + vm + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(204);
    jsonLight().get(seedVm).then().statusCode(404);
  }

  @Test
  void theWapAdminRootCreatesTheSameWay() {
    String tenant = emptyRoot();
    String vm = vmIn(tenant);
    Response created = jsonLight().body("{\"Name\":\"via the admin API\",\"StampId\":\"" + STAMP + "\",\"VMId\":\""
        + vm + "\"}")
        .post(spf.baseUrl() + "/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/VMCheckPoints");
    created.then().statusCode(201);
    assertTrue(created.header("Location").contains("/services/systemcenter/SC2012R2/VMM/"), created.header("Location"));
    assertEquals(1, countCheckpoints(tenant));
  }

  @Test
  void withoutAParentThePrincipalOrOwnerNamesTheSubscription() {
    String subscription = UUID.randomUUID().toString();
    String unknownCloud = UUID.randomUUID().toString();
    jsonLight().header("x-ms-principal-id", subscription).body("{\"Name\":\"by principal\",\"StampId\":\"" + STAMP
        + "\",\"CloudId\":\"" + unknownCloud + "\"}").post(terraformRoot() + "VirtualMachines").then().statusCode(201);
    jsonLight().body("{\"Name\":\"by owner\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + unknownCloud
        + "\",\"Owner\":{\"UserName\":\"tenant@example.com\",\"RoleName\":\"Tenant\",\"RoleID\":\"" + subscription
        + "\"}}").post(terraformRoot() + "VirtualMachines").then().statusCode(201);
    jsonLight().get(spf.serviceRoot(subscription) + "VirtualMachines?$orderby=Name").then().statusCode(200)
        .body("value.Name", equalTo(List.of("by owner", "by principal")));
  }

  @Test
  void nothingToGoByIsA400ThatSaysWhatToSend() {
    Response refused = jsonLight().header("x-ms-principal-id", "terraform-provider-vmm").body("{\"Name\":\"lost\","
        + "\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + UUID.randomUUID() + "\"}").post(terraformRoot()
        + "VirtualMachines");
    refused.then().statusCode(400)
        .body("'odata.error'.code", equalTo("SubscriptionUnknown"))
        .body("'odata.error'.message.value", containsString("CloudId (an entity of Clouds)"))
        .body("'odata.error'.message.value", containsString("/{subscription-id}/services/systemcenter/vmm/VirtualMachines"));
    jsonLight().get(terraformRoot() + "VirtualMachines?$filter=Name%20eq%20'lost'").then().body("value.size()",
        equalTo(0));
  }
}
