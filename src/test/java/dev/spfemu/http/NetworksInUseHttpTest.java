package dev.spfemu.http;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/** A VM network, subnet or static IP pool that VMs' adapters use is not deleted (400), in JSON light and Atom. */
class NetworksInUseHttpTest extends EmulatorHttpTest {

  /** The demo world's VM network "Fabrikam Web", used by web-01 and sql-01, with its subnet and pool. */
  private static final String DEMO_NETWORK = "00000000-0000-4000-8000-000000000501";
  private static final String DEMO_SUBNET = "00000000-0000-4000-8000-000000000601";
  private static final String DEMO_POOL = "00000000-0000-4000-8000-000000000651";

  private static String key(String id) {
    return "(ID=guid'" + id + "',StampId=guid'" + STAMP + "')";
  }

  private static String created(String url, String body) {
    return json(jsonLight().body(body).post(url).then().statusCode(201).extract().asString()).get("ID").asText();
  }

  @Test
  void aVmNetworkInUseIsNotDeletedInJsonLight() {
    String root = demoRoot();
    jsonLight().delete(root + "VMNetworks" + key(DEMO_NETWORK)).then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("ResourceInUse"))
        .body("'odata.error'.message.value", equalTo("The VM network 'Fabrikam Web' cannot be deleted: the network"
            + " adapters of the virtual machines 'sql-01', 'web-01' are connected to it. Delete those virtual machines"
            + " (or their network adapters) first, then delete the VM network 'Fabrikam Web' again."));
    jsonLight().get(root + "VMNetworks" + key(DEMO_NETWORK)).then().statusCode(200);
  }

  @Test
  void aVmNetworkInUseIsNotDeletedInAtom() {
    dotNet4().delete(demoRoot() + "VMNetworks" + key(DEMO_NETWORK)).then()
        .statusCode(400)
        .body("error.code", equalTo("ResourceInUse"))
        .body("error.message", allOf(containsString("'sql-01', 'web-01'"), containsString("Delete those")));
  }

  @Test
  void aSubnetInUseIsNotDeletedInJsonLightAndAtom() {
    jsonLight().delete(demoRoot() + "VMSubnets" + key(DEMO_SUBNET)).then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("ResourceInUse"))
        .body("'odata.error'.message.value", containsString("The VM subnet 'Web subnet' cannot be deleted"));
    dotNet4().delete(demoRoot() + "VMSubnets" + key(DEMO_SUBNET)).then()
        .statusCode(400)
        .body("error.code", equalTo("ResourceInUse"));
  }

  @Test
  void aPoolWithAddressesHandedOutIsNotDeletedInJsonLightAndAtom() {
    jsonLight().delete(demoRoot() + "StaticIPAddressPools" + key(DEMO_POOL)).then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("ResourceInUse"))
        .body("'odata.error'.message.value", containsString("'sql-01', 'web-01' hold addresses from it"));
    dotNet4().delete(demoRoot() + "StaticIPAddressPools" + key(DEMO_POOL)).then()
        .statusCode(400)
        .body("error.code", equalTo("ResourceInUse"));
  }

  @Test
  void afterItsVmIsDeletedTheNetworkIsDeletedAsWapPackDoes() {
    String root = emptyRoot();
    String network = created(root + "VMNetworks", "{\"StampId\":\"" + STAMP + "\",\"Name\":\"web\"}");
    String subnet = created(root + "VMSubnets", "{\"StampId\":\"" + STAMP + "\",\"Name\":\"web-sub\",\"VMNetworkId\":\""
        + network + "\",\"Subnet\":\"10.0.0.0/24\"}");
    String pool = created(root + "StaticIPAddressPools", "{\"StampId\":\"" + STAMP + "\",\"Name\":\"web-pool\","
        + "\"VMSubnetId\":\"" + subnet + "\",\"IPAddressRangeStart\":\"10.0.0.10\",\"IPAddressRangeEnd\":\"10.0.0.12\"}");
    String vm = jsonLight().body("{\"Name\":\"web-01\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"NewVirtualNetworkAdapterInput\":[{\"VMNetworkName\":\"web\"}]}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    jsonLight().delete(root + "VMNetworks" + key(network)).then().statusCode(400)
        .body("'odata.error'.message.value", containsString("'web-01'"));

    jsonLight().delete(vm).then().statusCode(204);
    jsonLight().delete(root + "StaticIPAddressPools" + key(pool)).then().statusCode(204);
    jsonLight().delete(root + "VMSubnets" + key(subnet)).then().statusCode(204);
    jsonLight().delete(root + "VMNetworks" + key(network)).then().statusCode(204);
    jsonLight().get(root + "VMNetworks" + key(network)).then().statusCode(404);
  }
}
