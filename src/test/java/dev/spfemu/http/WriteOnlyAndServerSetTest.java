package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spfemu.journal.RecordedRequest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secrets (passwords, product keys) are accepted and never given back, in any format or by the
 * admin API; the VM's server-set properties (Status, MostRecentTaskId…) sent by a client are
 * ignored, so state changes through Operation only, and a client echoing the whole entity works.
 */
class WriteOnlyAndServerSetTest extends EmulatorHttpTest {

  private static final String PASSWORD = "Pa55-w0rd-never-seen";
  private static final String KEY = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE";

  private static String vmBody(boolean start) {
    return "{\"Name\":\"secret-vm\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\",\"StartVM\":" + start
        + ",\"LocalAdminUserName\":\"admin\",\"LocalAdminPassword\":\"" + PASSWORD + "\",\"ProductKey\":\"" + KEY
        + "\",\"Status\":\"Saved\",\"MostRecentTaskId\":\"" + VM + "\"}";
  }

  private static void assertNoSecret(String body) {
    assertFalse(body.contains(PASSWORD), body);
    assertFalse(body.contains(KEY), body);
  }

  private String createVm(String root, boolean start) {
    Response response = jsonLight().body(vmBody(start)).post(root + "VirtualMachines")
        .then().statusCode(201).extract().response();
    String body = response.asString();
    assertNoSecret(body);
    JsonNode created = json(body);
    assertTrue(created.get("LocalAdminPassword").isNull());
    assertTrue(created.get("ProductKey").isNull());
    assertEquals("admin", created.get("LocalAdminUserName").asText());
    return response.header("Location");
  }

  private JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  @Test
  void secretsAreNeverReturnedInJson() {
    String root = emptyRoot();
    String vm = createVm(root, false);
    assertTrue(read(vm).get("LocalAdminPassword").isNull());
    String selected = jsonLight().get(vm + "?$select=Name,LocalAdminPassword,ProductKey").then().statusCode(200)
        .extract().asString();
    assertNoSecret(selected);
    assertTrue(json(selected).get("LocalAdminPassword").isNull());
    for (String accept : List.of("application/json;odata=fullmetadata", "application/json;odata=nometadata",
        "application/json;odata=verbose")) {
      assertNoSecret(jsonLight().header("Accept", accept).get(root + "VirtualMachines").then().statusCode(200)
          .extract().asString());
    }
    String patched = jsonLight().header("Prefer", "return-content")
        .body("{\"LocalAdminPassword\":\"" + PASSWORD + "\",\"Description\":\"changed\"}")
        .request("PATCH", vm).then().statusCode(200).extract().asString();
    assertNoSecret(patched);
    assertEquals("changed", json(patched).get("Description").asText());
  }

  @Test
  void secretsAreNeverReturnedInAtom() {
    String root = emptyRoot();
    String entry = "<entry xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\""
        + " xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\""
        + " xmlns=\"http://www.w3.org/2005/Atom\"><category scheme=\"http://schemas.microsoft.com/ado/2007/08/"
        + "dataservices/scheme\" term=\"VMM.VirtualMachine\" /><content type=\"application/xml\"><m:properties>"
        + "<d:CloudId m:type=\"Edm.Guid\">" + CLOUD + "</d:CloudId>"
        + "<d:LocalAdminPassword>" + PASSWORD + "</d:LocalAdminPassword>"
        + "<d:Name>atom-vm</d:Name><d:ProductKey>" + KEY + "</d:ProductKey>"
        + "<d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>"
        + "<d:Status>Running</d:Status></m:properties></content></entry>";
    String created = dotNet4().contentType("application/atom+xml").body(entry).post(root + "VirtualMachines")
        .then().statusCode(201).extract().asString();
    assertNoSecret(created);
    XmlPath xml = new XmlPath(created);
    assertEquals("true", xml.getString("entry.content.properties.LocalAdminPassword.@'m:null'"));
    assertEquals("PowerOff", xml.getString("entry.content.properties.Status"));
    assertNoSecret(dotNet4().get(root + "VirtualMachines").then().statusCode(200).extract().asString());
    RecordedRequest post = last(spf.requests("POST", "VirtualMachines"));
    assertNoSecret(post.body());
    assertTrue(post.body().contains("<d:LocalAdminPassword>***</d:LocalAdminPassword>"), post.body());
  }

  @Test
  void theJournalAndTheStateExportMaskSecrets() {
    String root = emptyRoot();
    createVm(root, false);
    RecordedRequest post = last(spf.requests("POST", "VirtualMachines"));
    assertNoSecret(post.body());
    assertTrue(post.body().contains("\"LocalAdminPassword\":\"***\""), post.body());
    String admin = spf.baseUrl() + "/_emulator/";
    assertNoSecret(request().get(admin + "requests").then().statusCode(200).extract().asString());
    assertNoSecret(request().get(admin + "state").then().statusCode(200).extract().asString());
  }

  @Test
  void aWorldFilesSecretsAreDroppedOnImport() {
    createVm(emptyRoot(), false);
    String admin = spf.baseUrl() + "/_emulator/";
    String exported = request().get(admin + "state").then().statusCode(200).extract().asString();
    assertTrue(exported.contains("\"LocalAdminUserName\":\"admin\""), "the export has the VM");
    // the export writes the secret as null: the file gets a value in its place (a member given twice is refused)
    assertTrue(exported.contains("\"LocalAdminPassword\":null"), "the export names the secret");
    String withSecret = exported.replace("\"LocalAdminPassword\":null", "\"LocalAdminPassword\":\"" + PASSWORD + "\"");
    assertTrue(withSecret.contains(PASSWORD));
    try (dev.spfemu.SpfEmulator other = dev.spfemu.SpfEmulator.create(options().dynamicPort().build()).start()) {
      String otherAdmin = other.baseUrl() + "/_emulator/";
      request().contentType("application/json").body(withSecret).put(otherAdmin + "state").then().statusCode(204);
      assertNoSecret(request().get(otherAdmin + "state").then().statusCode(200).extract().asString());
    }
  }

  @Test
  void serverSetPropertiesAreIgnoredOnCreateAndUpdate() {
    String root = emptyRoot();
    String vm = createVm(root, true);
    JsonNode running = read(vm);
    assertEquals("Running", running.get("Status").asText(), "the Status sent on create is ignored");
    assertFalse(VM.equals(running.get("MostRecentTaskId").asText()));
    jsonLight().body("{\"Status\":\"PowerOff\"}").request("PATCH", vm).then().statusCode(204);
    assertEquals("Running", read(vm).get("Status").asText());
    jsonLight().body("{\"StatusString\":\"Stopped\",\"VirtualMachineState\":\"PowerOff\"}").put(vm)
        .then().statusCode(204);
    JsonNode after = read(vm);
    assertEquals("Running", after.get("Status").asText());
    assertEquals("Running", after.get("VirtualMachineState").asText());
    dotNet4().contentType("application/atom+xml").body("<entry xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/"
        + "dataservices\" xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\" xmlns="
        + "\"http://www.w3.org/2005/Atom\"><content type=\"application/xml\"><m:properties>"
        + "<d:Status>PowerOff</d:Status></m:properties></content></entry>").request("MERGE", vm)
        .then().statusCode(204);
    assertEquals("Running", read(vm).get("Status").asText());
  }

  @Test
  void aClientEchoingTheWholeEntityStillWorks() {
    String root = emptyRoot();
    String vm = createVm(root, true);
    ObjectNode echoed = (ObjectNode) read(vm);
    echoed.remove("odata.metadata");
    echoed.put("Description", "echoed");
    echoed.put("Status", "PowerOff");
    echoed.put("LocalAdminPassword", PASSWORD);
    jsonLight().body(echoed.toString()).put(vm).then().statusCode(204);
    JsonNode after = read(vm);
    assertEquals("echoed", after.get("Description").asText());
    assertEquals("Running", after.get("Status").asText());
    assertTrue(after.get("LocalAdminPassword").isNull());
  }

  @Test
  void secretsAreNeverReturnedAsAPropertyNorInABatch() {
    String root = emptyRoot();
    String vm = createVm(root, true);
    String property = jsonLight().get(vm + "/LocalAdminPassword").then().statusCode(200).extract().asString();
    assertNoSecret(property);
    assertTrue(json(property).get("odata.null").asBoolean(), property);
    jsonLight().get(vm + "/ProductKey/$value").then().statusCode(404);
    String v3 = "DataServiceVersion: 3.0\r\nMaxDataServiceVersion: 3.0\r\nAccept: " + JSON_LIGHT
        + "\r\nContent-Type: " + JSON_LIGHT + "\r\n";
    List<BatchResponse.Part> parts = new BatchRequest()
        .changeSet(
            BatchRequest.operation("POST", root + "VirtualMachines", "Content-ID: 1\r\n" + v3, vmBody(false)),
            BatchRequest.operation("PATCH", vm, "Content-ID: 2\r\nPrefer: return-content\r\n" + v3,
                "{\"ProductKey\":\"" + KEY + "\",\"Status\":\"PowerOff\"}"))
        .query(root + "VirtualMachines?$expand=MostRecentTask", "Accept: " + JSON_LIGHT + "\r\n")
        .post(root);
    BatchResponse.Operation created = parts.get(0).operations().get(0);
    BatchResponse.Operation patched = parts.get(0).operations().get(1);
    assertEquals(201, created.status(), created.body());
    assertNoSecret(created.body());
    assertEquals(200, patched.status(), patched.body());
    assertNoSecret(patched.body());
    assertEquals("Running", json(patched.body()).get("Status").asText());
    BatchResponse.Operation listed = parts.get(1).single();
    assertEquals(200, listed.status(), listed.body());
    assertNoSecret(listed.body());
    RecordedRequest batch = last(spf.requests(r -> r.url().endsWith("$batch")));
    assertNoSecret(batch.body());
    assertTrue(batch.body().contains("\"ProductKey\":\"***\""), batch.body());
  }

  @Test
  void aDotNetClientMergingBackTheWholeAtomEntryStillWorks() {
    String root = emptyRoot();
    String vm = createVm(root, true);
    String read = dotNet4().get(vm).then().statusCode(200).extract().asString();
    String echoed = read.replace("<d:Status>Running</d:Status>", "<d:Status>PowerOff</d:Status>")
        .replaceFirst("<d:Description>[^<]*</d:Description>|<d:Description m:null=\"true\"/>",
            "<d:Description>echoed in Atom</d:Description>")
        .replaceFirst("<d:LocalAdminPassword m:null=\"true\"/>",
            "<d:LocalAdminPassword>" + PASSWORD + "</d:LocalAdminPassword>");
    assertTrue(echoed.contains(PASSWORD) && echoed.contains("echoed in Atom") && echoed.contains(">PowerOff<"), echoed);
    dotNet4().contentType("application/atom+xml").body(echoed).request("MERGE", vm).then().statusCode(204);
    JsonNode after = read(vm);
    assertEquals("echoed in Atom", after.get("Description").asText());
    assertEquals("Running", after.get("Status").asText());
    assertTrue(after.get("LocalAdminPassword").isNull());
    assertNoSecret(last(spf.requests("MERGE", "VirtualMachines")).body());
  }

  private static RecordedRequest last(List<RecordedRequest> requests) {
    return requests.get(requests.size() - 1);
  }
}
