package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.xml.XmlPath;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** $batch as SaveChanges(SaveChangesOptions.Batch) sends it: change sets, Content-ID references, query parts. */
class BatchTest extends EmulatorHttpTest {

  private static final String BATCH = "batch_36522ad7-fc75-4b56-8c71-56071383e77b";
  private static final String CHANGESET = "changeset_77162fcd-b8da-41ac-a9f8-9357efbbd621";

  /** The headers of the .NET 4 client's operations: DataServiceVersion 1.0, Atom. */
  private static final String DOT_NET_4 = "DataServiceVersion: 1.0;NetFx\r\nMaxDataServiceVersion: 2.0;NetFx\r\n"
      + "Accept: application/atom+xml,application/xml\r\n";
  /** The headers of a v3 client's operations answered in JSON light. */
  private static final String V3_JSON_LIGHT = "DataServiceVersion: 3.0;NetFx\r\nMaxDataServiceVersion: 3.0;NetFx\r\n"
      + "Accept: application/json;odata=minimalmetadata\r\n";

  private static String operation(String method, String url, String contentId, String contentType, String body) {
    return operation(method, url, contentId, DOT_NET_4, contentType, body);
  }

  /** A change set operation whose Content-ID (if any) is a header of its HTTP request, as the .NET client sends it. */
  private static String operation(String method, String url, String contentId, String headers, String contentType,
      String body) {
    return part("", method, url, (contentId == null ? "" : "Content-ID: " + contentId + "\r\n") + headers,
        contentType, body);
  }

  /** A change set operation whose Content-ID is a MIME header of its part instead. */
  private static String operationWithMimeContentId(String method, String url, String contentId, String headers,
      String contentType, String body) {
    return part("Content-ID: " + contentId + "\r\n", method, url, headers, contentType, body);
  }

  private static String part(String mimeHeaders, String method, String url, String headers, String contentType,
      String body) {
    StringBuilder part = new StringBuilder()
        .append("--").append(CHANGESET).append("\r\n")
        .append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n").append(mimeHeaders)
        .append("\r\n")
        .append(method).append(' ').append(url).append(" HTTP/1.1\r\n").append(headers);
    if (contentType != null) {
      part.append("Content-Type: ").append(contentType).append("\r\n");
    }
    return part.append("\r\n").append(body == null ? "" : body).append("\r\n").toString();
  }

  private static String changeSet(String... operations) {
    return "--" + BATCH + "\r\nContent-Type: multipart/mixed; boundary=" + CHANGESET + "\r\n\r\n"
        + String.join("", operations) + "--" + CHANGESET + "--\r\n";
  }

  private static String query(String url, String accept) {
    return "--" + BATCH + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
        + "GET " + url + " HTTP/1.1\r\nAccept: " + accept + "\r\nMaxDataServiceVersion: 3.0;NetFx\r\n\r\n\r\n";
  }

  private static String batch(String... parts) {
    return String.join("", parts) + "--" + BATCH + "--\r\n";
  }

  /** REST Assured insists on building multipart bodies itself, so batches go out with java.net.http. */
  private static HttpResponse<String> send(String root, String contentType, String body) {
    return BadInputTest.send(HttpRequest.newBuilder(URI.create(root + "$batch"))
        .header("DataServiceVersion", "1.0;NetFx")
        .header("MaxDataServiceVersion", "2.0;NetFx")
        .header("Accept", "application/atom+xml,application/xml")
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static HttpResponse<String> postBatch(String root, String body) {
    HttpResponse<String> response = send(root, "multipart/mixed; boundary=" + BATCH, body);
    assertEquals(202, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("multipart/mixed; boundary="));
    assertEquals("1.0;", response.headers().firstValue("DataServiceVersion").orElse(""));
    return response;
  }

  /** Sends a batch and parses the response into its parts. */
  private static List<BatchResponse.Part> postParsed(String root, String body) {
    HttpResponse<String> response = postBatch(root, body);
    return BatchResponse.parse(response.headers().firstValue("Content-Type").orElseThrow(), response.body());
  }

  private static JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  @Test
  void changeSetWithContentIdReferenceThenAQuery() {
    String root = newRoot();
    String entry = fixture("atom-create-entry.xml");
    String merge = "{\"Description\":\"merged in the batch\"}";
    List<BatchResponse.Part> parts = postParsed(root, batch(
        changeSet(
            operation("POST", root + "VMCheckPoints", "1", "application/atom+xml", entry),
            operation("MERGE", "$1", "2", "application/json", merge)),
        query(root + "VMCheckPoints", "application/json;odata=minimalmetadata")));

    assertEquals(2, parts.size());
    BatchResponse.Part changeSet = parts.get(0);
    assertTrue(changeSet.changeSet());
    assertEquals(2, changeSet.operations().size());
    BatchResponse.Operation created = changeSet.operations().get(0);
    assertEquals(201, created.status());
    assertEquals("Created", created.reason());
    assertEquals("1", created.header("Content-ID"), "each response echoes its request's Content-ID");
    assertEquals("application/atom+xml;type=entry;charset=utf-8", created.header("Content-Type"),
        "the create answered in Atom, as its part asked");
    assertEquals("1.0;", created.header("DataServiceVersion"));
    String location = created.header("Location");
    assertTrue(location.matches(Pattern.quote(root + "VMCheckPoints(ID=guid'") + GUID
        + "',StampId=guid'" + STAMP + "'\\)"), location);
    XmlPath entryAnswered = new XmlPath(created.body());
    assertEquals(location, entryAnswered.getString("entry.id"));
    assertEquals("VMM.VMCheckPoint", entryAnswered.getString("entry.category.@term"));
    BatchResponse.Operation merged = changeSet.operations().get(1);
    assertEquals(204, merged.status());
    assertEquals("2", merged.header("Content-ID"));
    assertEquals("", merged.body());

    BatchResponse.Operation listed = parts.get(1).single();
    assertFalse(parts.get(1).changeSet());
    assertEquals(200, listed.status());
    assertEquals(JSON_LIGHT_RESPONSE, listed.header("Content-Type"), "the query part answered in its own format");
    JsonNode feed = json(listed.body()).get("value");
    assertEquals(1, feed.size());
    assertEquals("merged in the batch", feed.get(0).get("Description").asText(), "the query part saw the change set");
    assertTrue(location.contains(feed.get(0).get("ID").asText()));
    assertEquals(1, countCheckpoints(root));
  }

  @Test
  void aContentIdSentAsAMimeHeaderIsEchoedAsOne() {
    String root = newRoot();
    List<BatchResponse.Part> parts = postParsed(root, batch(changeSet(
        operationWithMimeContentId("POST", root + "VMCheckPoints", "first", V3_JSON_LIGHT, "application/json",
            checkpointBody("mime")),
        operationWithMimeContentId("MERGE", "$first", "second", V3_JSON_LIGHT, "application/json",
            "{\"Description\":\"via a MIME Content-ID\"}"))));

    List<BatchResponse.Operation> operations = parts.get(0).operations();
    assertEquals(2, operations.size());
    assertEquals(201, operations.get(0).status());
    assertEquals("first", operations.get(0).mimeHeaders().get("Content-ID"));
    assertEquals(204, operations.get(1).status());
    assertEquals("second", operations.get(1).mimeHeaders().get("Content-ID"));
    assertEquals("via a MIME Content-ID", read(operations.get(0).header("Location")).get("Description").asText());
  }

  @Test
  void aFailingChangeSetStoresNothingAndSaysWhichOperationFailed() {
    String root = newRoot();
    String good = checkpointBody("kept?");
    String bad = "{\"Name\":\"no stamp\",\"VMId\":\"" + VM + "\"}";
    List<BatchResponse.Part> parts = postParsed(root, batch(changeSet(
        operation("POST", root + "VMCheckPoints", "1", V3_JSON_LIGHT, "application/json", good),
        operation("POST", root + "VMCheckPoints", "2", V3_JSON_LIGHT, "application/json", bad))));

    assertEquals(1, parts.size());
    assertFalse(parts.get(0).changeSet(), "a failed change set answers with its error alone, not a change set");
    BatchResponse.Operation failure = parts.get(0).single();
    assertEquals(400, failure.status());
    assertEquals("Bad Request", failure.reason());
    assertEquals("2", failure.header("Content-ID"), "the failing operation's Content-ID");
    assertEquals(JSON_LIGHT_RESPONSE, failure.header("Content-Type"), "the failing operation's format");
    assertEquals("3.0;", failure.header("DataServiceVersion"));
    JsonNode error = json(failure.body()).get("odata.error");
    assertEquals("ChangeSetFailed", error.get("code").asText());
    assertEquals("en-US", error.get("message").get("lang").asText());
    assertEquals("The change set failed at operation 2 (Content-ID 2) and nothing in it was stored: The property"
        + " 'StampId' is required to create a VMM.VMCheckPoint; add it to the request body.",
        error.get("message").get("value").asText());
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void aFailedChangeSetAnsweredInXmlQuotesTheOperationsXmlError() {
    String root = newRoot();
    String cloud = root + "Clouds(ID=guid'" + CLOUD + "',StampId=guid'" + STAMP + "')";
    List<BatchResponse.Part> parts = postParsed(root, batch(changeSet(
        operationWithMimeContentId("DELETE", cloud, "7", DOT_NET_4, null, null),
        operation("POST", root + "VMCheckPoints", "8", "application/json", checkpointBody("never")))));

    BatchResponse.Operation failure = parts.get(0).single();
    assertFalse(parts.get(0).changeSet());
    assertEquals(405, failure.status());
    assertEquals("7", failure.mimeHeaders().get("Content-ID"));
    assertEquals("application/xml;charset=utf-8", failure.header("Content-Type"));
    assertEquals("1.0;", failure.header("DataServiceVersion"));
    XmlPath error = new XmlPath(failure.body());
    assertEquals("ChangeSetFailed", error.getString("error.code"));
    assertEquals("en-US", error.getString("error.message.@'xml:lang'"));
    assertEquals("The change set failed at operation 1 (Content-ID 7) and nothing in it was stored: The method"
        + " 'DELETE' is not allowed on 'Clouds(\u2026)'. Allowed: GET.", error.getString("error.message"));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void aFailedChangeSetRestoresAnEntityItDeleted() {
    String root = newRoot();
    String location = createCheckpoint(root, "deleted, then restored");
    JsonNode before = read(location);
    List<BatchResponse.Part> parts = postParsed(root, batch(changeSet(
        operation("DELETE", location, "1", null, null),
        operation("POST", root + "VMCheckPoints", "2", "application/json", "{\"Name\":\"no stamp\"}"))));

    assertEquals(400, parts.get(0).single().status());
    assertEquals(before, read(location), "the deleted checkpoint is back as it was");
    assertEquals(1, countCheckpoints(root));
  }

  @Test
  void aFailedUpdateOrDeleteIsUndoneToo() {
    String root = newRoot();
    String location = createCheckpoint(root, "original");
    List<BatchResponse.Part> parts = postParsed(root, batch(changeSet(
        operation("MERGE", location, "1", "application/json", "{\"Name\":\"changed\"}"),
        operation("DELETE", location, "2", null, null),
        operation("DELETE", location, "3", null, null))));
    BatchResponse.Operation failure = parts.get(0).single();
    assertEquals(404, failure.status());
    assertEquals("3", failure.header("Content-ID"));
    jsonLight().get(location).then().statusCode(200).body("Name", equalTo("original"));
  }

  @Test
  void aFailedChangeSetRestoresTheCheckpointsOfAVmItDeleted() {
    String root = newRoot();
    createCheckpoint(root, "of the VM");
    String vm = root + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
    List<BatchResponse.Part> parts = postParsed(root, batch(changeSet(
        operation("DELETE", vm, "1", null, null),
        operation("POST", root + "VMCheckPoints", "2", "application/json", "{\"Name\":\"no stamp\"}"))));
    assertEquals(400, parts.get(0).single().status());
    jsonLight().get(vm).then().statusCode(200);
    assertEquals(1, countCheckpoints(root), "nothing in the failed change set was stored");
  }

  @Test
  void aFailedChangeSetTakesBackTheAdaptersOfAVmItCreatedAndTheirAddresses() {
    String root = emptyRoot();
    addVmNetwork(root, "web");
    String vmBody = "{\"Name\":\"batch-vm\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"NewVirtualNetworkAdapterInput\":[{\"VMNetworkName\":\"web\",\"MACAddress\":\"00:1D:D8:00:00:07\"}]}";
    List<BatchResponse.Part> parts = postParsed(root, batch(changeSet(
        operation("POST", root + "VirtualMachines", "1", "application/json", vmBody),
        operation("POST", root + "VMCheckPoints", "2", "application/json", "{\"Name\":\"no stamp\"}"))));
    assertEquals(400, parts.get(0).single().status());
    assertEquals(0, read(root + "VirtualNetworkAdapters").get("value").size(), "the adapter is gone");
    jsonLight().body(vmBody).post(root + "VirtualMachines").then().statusCode(201);
    assertEquals("00:1D:D8:00:00:07", read(root + "VirtualNetworkAdapters").get("value").get(0).get("MACAddress")
        .asText(), "the static MAC was given back, so it can be taken again");
  }

  @Test
  void aFailedChangeSetLeavesTheCheckpointTreeAsItWas() {
    String root = newRoot();
    createCheckpoint(root, "a");
    String b = createCheckpoint(root, "b");
    String current = read(b).get("CheckpointID").asText();
    postParsed(root, batch(changeSet(
        operation("DELETE", b, "1", null, null),
        operation("POST", root + "VMCheckPoints", "2", "application/json", "{\"Name\":\"no stamp\"}"))));
    String c = createCheckpoint(root, "c");
    assertEquals(current, read(c).get("ParentCheckpointID").asText(), "b is still the VM's current checkpoint");
  }

  @Test
  void theQuotedErrorKeepsQuotesAndMarkup() {
    String root = newRoot();
    String body = "{\"Name\":\"x\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + VM + "\",\"Enabled\":\"yes <&>\"}";
    String inner = "The value of property 'Enabled' is not a valid Edm.Boolean: expected true or false but found"
        + " the string \"yes <&>\"";
    BatchResponse.Operation json = postParsed(root, batch(changeSet(
        operation("POST", root + "VMCheckPoints", "1", V3_JSON_LIGHT, "application/json", body)))).get(0).single();
    assertEquals("The change set failed at operation 1 (Content-ID 1) and nothing in it was stored: " + inner,
        json(json.body()).get("odata.error").get("message").get("value").asText());
    BatchResponse.Operation xml = postParsed(root, batch(changeSet(
        operation("POST", root + "VMCheckPoints", "1", "application/json", body)))).get(0).single();
    assertEquals("The change set failed at operation 1 (Content-ID 1) and nothing in it was stored: " + inner,
        new XmlPath(xml.body()).getString("error.message"));
  }

  @Test
  void queryPartsAnswerEachInTheirOwnFormatAndErrorsStayInTheirPart() {
    String root = newRoot();
    createCheckpoint(root, "listed");
    List<BatchResponse.Part> parts = postParsed(root, batch(
        query(root + "VMCheckPoints", "application/atom+xml"),
        query(root + "VMCheckPoints(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')", "application/json"),
        query(root + "VMCheckPoints/$count", "text/plain")));
    assertEquals(3, parts.size());
    for (BatchResponse.Part part : parts) {
      assertFalse(part.changeSet());
    }

    BatchResponse.Operation feed = parts.get(0).single();
    assertEquals(200, feed.status());
    assertEquals("application/atom+xml;type=feed;charset=utf-8", feed.header("Content-Type"));
    assertEquals(List.of("listed"), new XmlPath(feed.body()).getList("feed.entry.content.properties.Name"));

    BatchResponse.Operation missing = parts.get(1).single();
    assertEquals(404, missing.status());
    assertEquals("Not Found", missing.reason());
    assertEquals(JSON_LIGHT_RESPONSE, missing.header("Content-Type"), "the error in its part's format");
    assertEquals("ResourceNotFound", json(missing.body()).get("odata.error").get("code").asText());

    BatchResponse.Operation count = parts.get(2).single();
    assertEquals(200, count.status());
    assertEquals("text/plain;charset=utf-8", count.header("Content-Type"));
    assertEquals("1", count.body());
  }

  @Test
  void malformedBatchIs400AndNonMultipartIs415() {
    String root = newRoot();
    HttpResponse<String> malformed = send(root, "multipart/mixed; boundary=" + BATCH, "--" + BATCH + "\r\nnonsense\r\n");
    assertEquals(400, malformed.statusCode());
    assertTrue(malformed.body().contains("<m:code>MalformedPayload</m:code>"), malformed.body());
    HttpResponse<String> notMultipart = send(root, "application/json", "{}");
    assertEquals(415, notMultipart.statusCode());
    assertTrue(notMultipart.body().contains("<m:code>UnsupportedMediaType</m:code>"), notMultipart.body());
    dotNet4().get(root + "$batch").then().statusCode(405).header("Allow", "POST");
  }
}
