package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VM's named stream VMConnection: GET answers the RDP file of its console, and entries announce
 * the stream as real SPF does (JSON light {@code VMConnection@odata.mediaContentType}; the v3 Atom and
 * verbose JSON forms in 3.0 answers).
 */
class VmConnectionHttpTest extends EmulatorHttpTest {

  /** The demo world's web-01 (Running, host hv-a1.fabrikam.local, hypervisor VMId …0701) and sql-01 (PowerOff). */
  private static final String WEB_01 = "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
  private static final String SQL_01 = "VirtualMachines(ID=guid'00000000-0000-4000-8000-000000000702',StampId=guid'"
      + STAMP + "')";
  private static final String NOWHERE = "VirtualMachines(ID=guid'00000000-0000-0000-0000-0000000000aa',StampId=guid'"
      + STAMP + "')";
  private static final String RDP = "application/x-rdp";
  private static final String MEDIA_RESOURCE =
      "http://schemas.microsoft.com/ado/2007/08/dataservices/mediaresource/VMConnection";

  @Test
  void aRunningVmsConnectionIsAnRdpFileForItsConsole() {
    String rdp = request().get(demoRoot() + WEB_01 + "/VMConnection").then()
        .statusCode(200)
        .contentType(RDP)
        .header("DataServiceVersion", "3.0;")
        .extract().asString();
    List<String> lines = List.of(rdp.split("\r\n"));
    assertTrue(lines.contains("full address:s:hv-a1.fabrikam.local"), rdp);
    assertTrue(lines.contains("server port:i:2179"), rdp);
    assertTrue(lines.contains("pcb:s:00000000-0000-4000-8000-000000000701"), rdp);
    assertTrue(lines.contains("negotiate security layer:i:0"), rdp);
  }

  @Test
  void aJsonLightClientGetsTheSameFile() {
    jsonLight().get(demoRoot() + WEB_01 + "/VMConnection").then()
        .statusCode(200)
        .contentType(RDP)
        .body(containsString("pcb:s:00000000-0000-4000-8000-000000000701"));
  }

  @Test
  void aVmWithoutHostOrHypervisorIdConnectsByItsIdToAMadeUpHost() {
    String root = emptyRoot();
    String vm = jsonLight().body("{\"Name\":\"fresh\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"StartVM\":true}").post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    JsonNode read = json(jsonLight().get(vm).then().statusCode(200).extract().asString());
    assertEquals("Running", read.get("VirtualMachineState").asText());
    String pcb = read.get("VMId").isNull() ? read.get("ID").asText() : read.get("VMId").asText();
    request().get(vm + "/VMConnection").then()
        .statusCode(200)
        .body(startsWith("full address:s:hyperv-host.invalid\r\n"))
        .body(containsString("pcb:s:" + pcb + "\r\n"));
  }

  @Test
  void anUnknownVmIs404InJsonLightAndAtom() {
    jsonLight().get(demoRoot() + NOWHERE + "/VMConnection").then()
        .statusCode(404)
        .body("'odata.error'.code", equalTo("ResourceNotFound"));
    dotNet4().get(demoRoot() + NOWHERE + "/VMConnection").then()
        .statusCode(404)
        .body("error.code", equalTo("ResourceNotFound"));
  }

  @Test
  void aStoppedVmHasNoConsoleInJsonLight() {
    jsonLight().get(demoRoot() + SQL_01 + "/VMConnection").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidOperationForState"))
        .body("'odata.error'.message.value", equalTo("The virtual machine 'sql-01' is not running"
            + " (VirtualMachineState PowerOff), so there is no console to connect to. Start it first (PUT the VM with"
            + " \"Operation\": \"Start\"), then GET its VMConnection again."));
  }

  @Test
  void aStoppedVmHasNoConsoleInAtom() {
    request().header("Accept", "application/atom+xml,application/xml").get(demoRoot() + SQL_01 + "/VMConnection").then()
        .statusCode(400)
        .body("error.code", equalTo("InvalidOperationForState"))
        .body("error.message", containsString("'sql-01' is not running"));
  }

  @Test
  void theStreamIsReadOnly() {
    jsonLight().body("x").put(demoRoot() + WEB_01 + "/VMConnection").then()
        .statusCode(405)
        .header("Allow", "GET")
        .body("'odata.error'.code", equalTo("MethodNotAllowed"));
    jsonLight().delete(demoRoot() + WEB_01 + "/VMConnection").then().statusCode(405);
  }

  @Test
  void valueOfTheStreamIsABadUri() {
    jsonLight().get(demoRoot() + WEB_01 + "/VMConnection/$value").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidUri"))
        .body("'odata.error'.message.value", containsString("leave out the /$value"));
  }

  @Test
  void aV2ClientCannotReadANamedStream() {
    dotNet4().get(demoRoot() + WEB_01 + "/VMConnection").then()
        .statusCode(400)
        .body("error.code", equalTo("VersionTooLow"));
  }

  @Test
  void jsonLightMinimalMetadataAnnouncesTheContentTypeOnly() {
    JsonNode vm = json(jsonLight().get(demoRoot() + WEB_01).then().statusCode(200).extract().asString());
    assertEquals(RDP, vm.get("VMConnection@odata.mediaContentType").asText());
    assertNull(vm.get("VMConnection@odata.mediaReadLink"));
    assertNull(vm.get("VMConnection"), "a stream has no value");
    List<String> names = fieldNames(vm);
    assertEquals(names.indexOf("VMConfigResource") + 1, names.indexOf("VMConnection@odata.mediaContentType"),
        "in its place among the properties");
    JsonNode feed = json(jsonLight().get(demoRoot() + "VirtualMachines").then().statusCode(200).extract().asString());
    assertEquals(RDP, feed.get("value").get(0).get("VMConnection@odata.mediaContentType").asText());
  }

  @Test
  void jsonLightFullMetadataAddsTheReadLinkWhichServesTheFile() {
    JsonNode vm = json(request().header("Accept", "application/json;odata=fullmetadata").get(demoRoot() + WEB_01)
        .then().statusCode(200).extract().asString());
    String readLink = vm.get("VMConnection@odata.mediaReadLink").asText();
    assertEquals(WEB_01 + "/VMConnection", readLink);
    assertEquals(RDP, vm.get("VMConnection@odata.mediaContentType").asText());
    List<String> names = fieldNames(vm);
    assertEquals(names.indexOf("VMConnection@odata.mediaReadLink") + 1,
        names.indexOf("VMConnection@odata.mediaContentType"));
    request().get(demoRoot() + readLink).then().statusCode(200).contentType(RDP);
  }

  @Test
  void noMetadataAndSelectShowNoStream() {
    JsonNode none = json(request().header("Accept", "application/json;odata=nometadata").get(demoRoot() + WEB_01)
        .then().statusCode(200).extract().asString());
    assertFalse(none.toString().contains("VMConnection"), none.toString());
    JsonNode selected = json(jsonLight().get(demoRoot() + WEB_01 + "?$select=Name").then().statusCode(200)
        .extract().asString());
    assertFalse(selected.toString().contains("VMConnection"), selected.toString());
  }

  @Test
  void aV3AtomEntryLinksTheStream() {
    XmlPath entry = XmlPath.from(request().header("Accept", "application/atom+xml")
        .header("MinDataServiceVersion", "3.0").get(demoRoot() + WEB_01).then().statusCode(200)
        .header("DataServiceVersion", "3.0;").extract().asString());
    assertEquals(RDP, entry.getString("entry.link.find { it.@rel == '" + MEDIA_RESOURCE + "' }.@type"));
    assertEquals(WEB_01 + "/VMConnection",
        entry.getString("entry.link.find { it.@rel == '" + MEDIA_RESOURCE + "' }.@href"));
    assertEquals("VMConnection", entry.getString("entry.link.find { it.@rel == '" + MEDIA_RESOURCE + "' }.@title"));
  }

  @Test
  void aV1AtomEntryHasNoStreamLink() {
    String entry = dotNet4().get(demoRoot() + WEB_01).then().statusCode(200).header("DataServiceVersion", "1.0;")
        .extract().asString();
    assertFalse(entry.contains("VMConnection"), "a named stream is a v3 feature");
  }

  @Test
  void aV3VerboseEntryHasTheMediaResource() {
    JsonNode v3 = json(request().header("Accept", "application/json;odata=verbose").header("MinDataServiceVersion", "3.0")
        .get(demoRoot() + WEB_01).then().statusCode(200).extract().asString());
    JsonNode media = v3.get("d").get("VMConnection").get("__mediaresource");
    assertEquals(RDP, media.get("content_type").asText());
    assertTrue(media.get("media_src").asText().endsWith(WEB_01 + "/VMConnection"), media.toString());
    String v1 = request().header("Accept", "application/json;odata=verbose").header("MaxDataServiceVersion", "2.0")
        .get(demoRoot() + WEB_01).then().statusCode(200).extract().asString();
    assertFalse(v1.contains("VMConnection"), v1);
  }

  @Test
  void anEntitySentBackWithItsStreamAnnotationsIsAccepted() {
    String root = emptyRoot();
    String vm = jsonLight().body("{\"Name\":\"echo\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    JsonNode read = json(request().header("Accept", "application/json;odata=fullmetadata").get(vm).then()
        .statusCode(200).extract().asString());
    ((com.fasterxml.jackson.databind.node.ObjectNode) read).put("Description", "sent back");
    jsonLight().body(read.toString()).patch(vm).then().statusCode(204);
    request().header("Accept", "application/json;odata=verbose").contentType("application/json;odata=verbose")
        .body("{\"Description\":\"verbose\",\"VMConnection\":{\"__mediaresource\":{\"media_src\":\"x\","
            + "\"content_type\":\"application/x-rdp\"}}}").patch(vm).then().statusCode(204);
    assertEquals("verbose", json(jsonLight().get(vm).then().statusCode(200).extract().asString())
        .get("Description").asText());
  }

  @Test
  void metadataDeclaresTheStream() {
    String metadata = request().get(demoRoot() + "$metadata").then().statusCode(200).extract().asString();
    assertTrue(metadata.contains("<Property Name=\"VMConnection\" Type=\"Edm.Stream\" Nullable=\"false\"/>"),
        "declared as a named stream");
  }
}
