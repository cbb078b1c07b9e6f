package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A create whose declared reference names nothing in its subscription is refused, in JSON light and Atom. */
class ReferencesHttpTest extends EmulatorHttpTest {

  private static final String NOWHERE = "00000000-0000-0000-0000-0000000000aa";

  private static int count(String url) {
    return json(jsonLight().get(url).then().statusCode(200).extract().asString()).get("value").size();
  }

  @Test
  void aVmOfAnUnknownTemplateIsRefusedInJsonLight() {
    String root = demoRoot();
    int before = count(root + "VirtualMachines");
    jsonLight().body("{\"StampId\":\"" + STAMP + "\",\"Name\":\"x\",\"CloudId\":\"" + CLOUD + "\",\"VMTemplateId\":\""
        + NOWHERE + "\"}").post(root + "VirtualMachines").then()
        .statusCode(404)
        .body("'odata.error'.code", equalTo("ReferencedEntityNotFound"))
        .body("'odata.error'.message.value", containsString("VMTemplateId '" + NOWHERE + "'"));
    assertEquals(before, count(root + "VirtualMachines"), "nothing stored");
  }

  @Test
  void aVmOfAnUnknownCloudIsRefusedInJsonLight() {
    String root = demoRoot();
    int before = count(root + "VirtualMachines");
    jsonLight().body("{\"StampId\":\"" + STAMP + "\",\"Name\":\"x\",\"CloudId\":\"" + NOWHERE + "\"}")
        .post(root + "VirtualMachines").then()
        .statusCode(404)
        .body("'odata.error'.code", equalTo("ReferencedEntityNotFound"))
        .body("'odata.error'.message.value", containsString("CloudId '" + NOWHERE + "' does not name an entity of Clouds"));
    assertEquals(before, count(root + "VirtualMachines"), "nothing stored");
  }

  @Test
  void aVmOfAnUnknownCloudIsRefusedInAtom() {
    String root = demoRoot();
    int before = count(root + "VirtualMachines");
    String entry = vmAtomEntry("<d:Name>x</d:Name>"
        + "<d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>"
        + "<d:CloudId m:type=\"Edm.Guid\">" + NOWHERE + "</d:CloudId>");
    dotNet4().contentType("application/atom+xml").body(entry).post(root + "VirtualMachines").then()
        .statusCode(404)
        .body("error.code", equalTo("ReferencedEntityNotFound"))
        .body("error.message", containsString("CloudId '" + NOWHERE + "'"));
    assertEquals(before, count(root + "VirtualMachines"), "nothing stored");
  }

  @Test
  void aVmOfTheDemoCloudIsCreated() {
    jsonLight().body("{\"StampId\":\"" + STAMP + "\",\"Name\":\"x\",\"CloudId\":\"" + CLOUD + "\"}")
        .post(demoRoot() + "VirtualMachines").then().statusCode(201);
  }

  @Test
  void aFreshSubscriptionTakesAnyCloudId() {
    String root = emptyRoot();
    jsonLight().body("{\"StampId\":\"" + STAMP + "\",\"Name\":\"x\",\"CloudId\":\"" + NOWHERE + "\"}")
        .post(root + "VirtualMachines").then().statusCode(201);
    assertEquals(1, count(root + "VirtualMachines"));
  }

  @Test
  void aSubnetOfAnUnknownVmNetworkIsRefusedInJsonLight() {
    String root = emptyRoot();
    jsonLight().body("{\"StampId\":\"" + STAMP + "\",\"Name\":\"s\",\"VMNetworkId\":\"" + NOWHERE + "\"}")
        .post(root + "VMSubnets").then()
        .statusCode(404)
        .body("'odata.error'.code", equalTo("ReferencedEntityNotFound"));
    assertEquals(0, count(root + "VMSubnets"), "nothing stored");
  }

  @Test
  void aSubnetOfAnUnknownVmNetworkIsRefusedInAtom() {
    String root = emptyRoot();
    String entry = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<entry xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\""
        + " xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\""
        + " xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<category scheme=\"http://schemas.microsoft.com/ado/2007/08/dataservices/scheme\" term=\"VMM.VMSubnet\" />"
        + "<title /><author><name /></author><updated>2026-11-28T07:14:21.621115Z</updated><id />"
        + "<content type=\"application/xml\"><m:properties>"
        + "<d:Name>s</d:Name>"
        + "<d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>"
        + "<d:VMNetworkId m:type=\"Edm.Guid\">" + NOWHERE + "</d:VMNetworkId>"
        + "</m:properties></content></entry>";
    dotNet4().contentType("application/atom+xml").body(entry).post(root + "VMSubnets").then()
        .statusCode(404)
        .body("error.code", equalTo("ReferencedEntityNotFound"));
    assertEquals(0, count(root + "VMSubnets"), "nothing stored");
  }
}
