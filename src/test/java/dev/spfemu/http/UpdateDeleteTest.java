package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MERGE, PATCH, PUT (all with merge semantics), tunnelled through POST too, and DELETE. */
class UpdateDeleteTest extends EmulatorHttpTest {

  private static JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"MERGE", "PATCH", "PUT"})
  void partialUpdateChangesOnlyWhatIsSent(String method) {
    String location = createCheckpoint(newRoot(), "original");
    JsonNode before = read(location);

    jsonLight().body("{\"Description\":\"changed by " + method + "\"}").request(method, location).then()
        .statusCode(204)
        .header("DataServiceVersion", "1.0;")
        .body(emptyString());

    JsonNode after = read(location);
    assertEquals("changed by " + method, after.get("Description").asText());
    assertEquals("original", after.get("Name").asText());
    assertEquals(before.get("VMId"), after.get("VMId"));
    assertEquals(before.get("AddedTime"), after.get("AddedTime"));
    assertTrue(OffsetDateTime.parse(after.get("ModifiedTime").asText())
        .isAfter(OffsetDateTime.parse(before.get("ModifiedTime").asText())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"MERGE", "PATCH", "PUT"})
  void postWithXHttpMethodTunnelsUpdates(String method) {
    String location = createCheckpoint(newRoot(), "tunnel");
    jsonLight().header("X-HTTP-Method", method).body("{\"Name\":\"tunnelled " + method + "\"}").post(location)
        .then().statusCode(204);
    assertEquals("tunnelled " + method, read(location).get("Name").asText());
  }

  @Test
  void postWithXHttpMethodDeleteTunnelsDelete() {
    String location = createCheckpoint(newRoot(), "tunnel");
    jsonLight().header("X-HTTP-Method", "DELETE").post(location).then().statusCode(204);
    jsonLight().get(location).then().statusCode(404);
  }

  @Test
  void unknownTunnelledMethodIs400() {
    String location = createCheckpoint(newRoot(), "tunnel");
    jsonLight().header("X-HTTP-Method", "GET").body("{}").post(location).then()
        .statusCode(400).body("'odata.error'.code", equalTo("InvalidMethodTunnel"));
  }

  @Test
  void dotNet4MergeOfTheWholeEntityInAtom() {
    String root = newRoot();
    String location = createCheckpoint(root, "Checkpoint 1");
    JsonNode before = read(location);
    String id = before.get("ID").asText();
    // CLIENTS.md §B.5: the whole entity, keys included, dates sent back with 6 fractional digits
    String body = fixture("atom-create-entry.xml")
        .replace("<id />", "<id>" + location + "</id>")
        .replace("00000000-0000-0000-0000-000000000000", id)
        .replace("<d:Accessibility m:null=\"true\" />", "<d:Accessibility>Public</d:Accessibility>")
        .replace("<d:AddedTime m:type=\"Edm.DateTime\" m:null=\"true\" />",
            "<d:AddedTime m:type=\"Edm.DateTime\">2026-11-28T07:14:21.706406+00:00</d:AddedTime>")
        .replace("<d:ModifiedTime m:type=\"Edm.DateTime\" m:null=\"true\" />",
            "<d:ModifiedTime m:type=\"Edm.DateTime\">2026-11-28T07:14:21.706488+00:00</d:ModifiedTime>")
        .replace("<d:Description m:null=\"true\" />", "<d:Description>Updated 2026-11-28T07:14:22.1022160Z</d:Description>")
        .replace("<d:Enabled m:type=\"Edm.Boolean\" m:null=\"true\" />", "<d:Enabled m:type=\"Edm.Boolean\">true</d:Enabled>");

    dotNet4().header("Expect", "100-continue").contentType("application/atom+xml").body(body)
        .request("MERGE", location).then()
        .statusCode(204)
        .header("DataServiceVersion", "1.0;");

    JsonNode after = read(location);
    assertEquals("Updated 2026-11-28T07:14:22.1022160Z", after.get("Description").asText());
    assertEquals(before.get("AddedTime"), after.get("AddedTime"), "server-managed values sent back are ignored");
    assertEquals("Public", after.get("Accessibility").asText());
  }

  @Test
  void verboseBodyUpdates() {
    String location = createCheckpoint(newRoot(), "verbose");
    request().contentType("application/json;odata=verbose").header("Accept", "application/json;odata=verbose")
        .body("{\"__metadata\":{\"type\":\"VMM.VMCheckPoint\"},\"Name\":\"renamed\"}")
        .request("MERGE", location).then().statusCode(204);
    assertEquals("renamed", read(location).get("Name").asText());
  }

  @Test
  void aBodyWhoseKeyDiffersFromTheUrlIs400AndChangesNothing() {
    String location = createCheckpoint(newRoot(), "keyed");
    jsonLight().body("{\"StampId\":\"" + VM + "\",\"Name\":\"moved\"}").request("MERGE", location).then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("KeyMismatch"))
        .body("'odata.error'.message.value", containsString("StampId"));
    assertEquals("keyed", read(location).get("Name").asText());
  }

  @Test
  void aBadBodyChangesNothing() {
    String location = createCheckpoint(newRoot(), "kept");
    jsonLight().body("{\"Name\":\"half\",\"Enabled\":\"yes\"}").request("PATCH", location).then()
        .statusCode(400).body("'odata.error'.code", equalTo("InvalidPropertyValue"));
    jsonLight().body("{\"Name\":").request("PATCH", location).then()
        .statusCode(400).body("'odata.error'.code", equalTo("MalformedPayload"));
    jsonLight().body("{\"Name\":\"x\",\"ID\":\"" + VM + "\"}").request("PATCH", location).then()
        .statusCode(400).body("'odata.error'.code", equalTo("KeyMismatch"));
    assertEquals("kept", read(location).get("Name").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"MERGE", "PATCH", "PUT"})
  void nullsInAnUpdateKeepTheStoredValues(String method) {
    // CLIENTS.md D.7 item 12 [I]: whole-model clients send null for everything they did not set,
    // keys and non-nullable properties included
    String location = createCheckpoint(newRoot(), "kept");
    JsonNode before = read(location);

    jsonLight().body("{\"ID\":null,\"StampId\":null,\"Name\":null,\"VMId\":null,\"Enabled\":null,"
        + "\"Description\":\"changed\"}").request(method, location).then().statusCode(204);

    JsonNode after = read(location);
    assertEquals("changed", after.get("Description").asText());
    for (String kept : new String[] {"ID", "StampId", "Name", "VMId", "Enabled"}) {
      assertEquals(before.get(kept), after.get(kept), kept);
    }
  }

  @Test
  void updatingAnUnknownEntityIs404() {
    String missing = newRoot() + "VMCheckPoints(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
    jsonLight().body("{\"Name\":\"x\"}").request("MERGE", missing).then().statusCode(404)
        .body("'odata.error'.code", equalTo("ResourceNotFound"));
  }

  @Test
  void deleteThenGetIs404AndDeletingAgainIs404() {
    String root = newRoot();
    String location = createCheckpoint(root, "doomed");
    // the .NET 4 client sends a Content-Type on its bodiless DELETE
    dotNet4().contentType("application/atom+xml").delete(location).then()
        .statusCode(204)
        .header("DataServiceVersion", "1.0;")
        .body(emptyString());
    dotNet4().get(location.replace("'", "%27")).then().statusCode(404);
    dotNet4().delete(location).then().statusCode(404).body("error.code", equalTo("ResourceNotFound"));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void ifMatchStarIsAcceptedAndOtherValuesAreRefused() {
    String location = createCheckpoint(newRoot(), "etag");
    jsonLight().header("If-Match", "*").body("{\"Name\":\"star\"}").request("MERGE", location).then()
        .statusCode(204);
    jsonLight().header("If-Match", "W/\"datetime'2026-11-28T07%3A14%3A21.7064060Z'\"").body("{\"Name\":\"etag\"}")
        .request("MERGE", location).then()
        .statusCode(400).body("'odata.error'.code", equalTo("NoConcurrencyToken"));
    jsonLight().header("If-Match", "\"1\"").delete(location).then().statusCode(400);
    assertEquals("star", read(location).get("Name").asText());
  }

  @Test
  void modifiedTimeMovesForwardOnEveryChange() {
    String location = createCheckpoint(newRoot(), "clock");
    OffsetDateTime previous = OffsetDateTime.parse(read(location).get("ModifiedTime").asText());
    for (int i = 0; i < 5; i++) {
      jsonLight().body("{\"Name\":\"n" + i + "\"}").request("PATCH", location).then().statusCode(204);
      OffsetDateTime current = OffsetDateTime.parse(read(location).get("ModifiedTime").asText());
      assertTrue(current.isAfter(previous), current + " after " + previous);
      previous = current;
    }
  }
}
