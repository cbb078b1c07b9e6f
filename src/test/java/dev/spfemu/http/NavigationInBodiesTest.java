package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Navigation properties in request bodies: null, {@code []} and links say nothing; related entities
 * (a deep insert) are ignored in a create and refused in an update, as WCF Data Services refuses
 * deep updates (CLIENTS.md D.7 item 11).
 */
class NavigationInBodiesTest extends EmulatorHttpTest {

  private static final String VM_URL = "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
  private static final String RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";

  private static String entry(String links) {
    return "<entry xmlns='http://www.w3.org/2005/Atom' xmlns:d='http://schemas.microsoft.com/ado/2007/08/dataservices'"
        + " xmlns:m='http://schemas.microsoft.com/ado/2007/08/dataservices/metadata'>"
        + "<category scheme='http://schemas.microsoft.com/ado/2007/08/dataservices/scheme' term='VMM.VirtualMachine'/>"
        + links + "<content type='application/xml'><m:properties><d:Description>changed</d:Description>"
        + "</m:properties></content></entry>";
  }

  private static String description(String root) {
    JsonNode value = json(jsonLight().get(root + VM_URL).then().statusCode(200).extract().asString()).get("Description");
    return value.isNull() ? null : value.asText();
  }

  @Test
  void relatedEntitiesInAJsonUpdateAre400AndChangeNothing() {
    String root = newRoot();

    jsonLight().body("{\"Description\":\"changed\",\"VirtualDiskDrives\":[{\"Bus\":0,\"LUN\":1}]}")
        .request("MERGE", root + VM_URL).then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("DeepUpdateNotSupported"))
        .body("'odata.error'.message.value", containsString("Deep updates are not supported in PUT or MERGE"))
        .body("'odata.error'.message.value", containsString("'VirtualDiskDrives'"));
    request().contentType("application/json;odata=verbose").header("Accept", "application/json;odata=verbose")
        .body("{\"Description\":\"changed\",\"Cloud\":{\"__metadata\":{\"type\":\"VMM.Cloud\"},\"Name\":\"c\"}}")
        .put(root + VM_URL).then()
        .statusCode(400).body("error.code", equalTo("DeepUpdateNotSupported"));

    assertNull(description(root));
  }

  @Test
  void nullEmptyAndLinkNavigationValuesInAJsonUpdateAreIgnored() {
    String root = newRoot();

    jsonLight().body("{\"Description\":\"changed\",\"Cloud\":null,\"VirtualDiskDrives\":[],"
        + "\"VirtualHardDisks\":{\"__deferred\":{\"uri\":\"x\"}},\"Cloud@odata.navigationLinkUrl\":\"y\"}")
        .request("PATCH", root + VM_URL).then().statusCode(204);

    assertEquals("changed", description(root));
  }

  @Test
  void relatedEntitiesInACreateAreIgnored() {
    String root = emptyRoot();

    jsonLight().body("{\"Name\":\"deep\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\","
        + "\"VirtualDiskDrives\":[{\"Bus\":0,\"LUN\":1}],\"Cloud\":{\"Name\":\"c\"}}")
        .post(root + "VirtualMachines").then().statusCode(201).body("Name", equalTo("deep"));

    assertEquals(0, json(jsonLight().get(root + "VirtualDiskDrives").then().statusCode(200).extract().asString())
        .get("value").size());
  }

  @Test
  void atomLinksWithoutEntitiesAreIgnoredAndAnInlineEntryIsRefusedInAnUpdate() {
    String root = newRoot();

    dotNet4().contentType("application/atom+xml").body(entry("<link rel='" + RELATED + "VirtualDiskDrives'>"
        + "<m:inline><entry/></m:inline></link>")).request("MERGE", root + VM_URL).then()
        .statusCode(400)
        .body("error.code", equalTo("DeepUpdateNotSupported"));
    assertNull(description(root));

    dotNet4().contentType("application/atom+xml").body(entry("<link rel='" + RELATED + "Cloud' href='Clouds(1)'/>"
        + "<link rel='" + RELATED + "MostRecentTask'><m:inline/></link>")).request("MERGE", root + VM_URL).then()
        .statusCode(204);
    assertEquals("changed", description(root));
  }
}
