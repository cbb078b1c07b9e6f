package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** $batch as SaveChanges(SaveChangesOptions.Batch) sends it: change sets, Content-ID references, query parts. */
class BatchTest extends EmulatorHttpTest {

  private static final String BATCH = "batch_36522ad7-fc75-4b56-8c71-56071383e77b";
  private static final String CHANGESET = "changeset_77162fcd-b8da-41ac-a9f8-9357efbbd621";

  private static String operation(String method, String url, String contentId, String contentType, String body) {
    StringBuilder part = new StringBuilder()
        .append("--").append(CHANGESET).append("\r\n")
        .append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
        .append(method).append(' ').append(url).append(" HTTP/1.1\r\n");
    if (contentId != null) {
      part.append("Content-ID: ").append(contentId).append("\r\n");
    }
    part.append("DataServiceVersion: 1.0;NetFx\r\nMaxDataServiceVersion: 2.0;NetFx\r\n")
        .append("Accept: application/atom+xml,application/xml\r\n");
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

  private static String post(String root, String body) {
    HttpResponse<String> response = send(root, "multipart/mixed; boundary=" + BATCH, body);
    assertEquals(202, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("multipart/mixed; boundary="));
    assertEquals("1.0;", response.headers().firstValue("DataServiceVersion").orElse(""));
    return response.body();
  }

  @Test
  void changeSetWithContentIdReferenceThenAQuery() {
    String root = newRoot();
    String entry = fixture("atom-create-entry.xml");
    String merge = "{\"Description\":\"merged in the batch\"}";
    String response = post(root, batch(
        changeSet(
            operation("POST", root + "VMCheckPoints", "1", "application/atom+xml", entry),
            operation("MERGE", "$1", "2", "application/json", merge)),
        query(root + "VMCheckPoints", "application/json;odata=minimalmetadata")));

    assertTrue(response.contains("HTTP/1.1 201 Created"), response);
    assertTrue(response.contains("HTTP/1.1 204 No Content"), response);
    assertTrue(response.contains("Location: " + root + "VMCheckPoints(ID=guid'"), response);
    assertTrue(response.contains("<category term=\"VMM.VMCheckPoint\""), "the create answered in Atom, as its part asked");
    assertTrue(response.contains("\"Description\":\"merged in the batch\""), "the query part saw the change set");
    assertTrue(response.contains("application/json; odata=minimalmetadata; streaming=true; charset=utf-8"),
        "the query part answered in its own format");
    assertEquals(1, countCheckpoints(root));
  }

  @Test
  void aFailingChangeSetStoresNothingAndSaysWhichOperationFailed() {
    String root = newRoot();
    String good = checkpointBody("kept?");
    String bad = "{\"Name\":\"no stamp\",\"VMId\":\"" + VM + "\"}";
    String response = post(root, batch(changeSet(
        operation("POST", root + "VMCheckPoints", "1", "application/json", good),
        operation("POST", root + "VMCheckPoints", "2", "application/json", bad))));

    assertTrue(response.contains("HTTP/1.1 400 Bad Request"), response);
    assertFalse(response.contains("HTTP/1.1 201"), "a failed change set answers with its error alone");
    assertTrue(response.contains("ChangeSetFailed"), response);
    assertTrue(response.contains("operation 2 (Content-ID 2)"), response);
    assertTrue(response.contains("'StampId'"), response);
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void aFailedUpdateOrDeleteIsUndoneToo() {
    String root = newRoot();
    String location = createCheckpoint(root, "original");
    String response = post(root, batch(changeSet(
        operation("MERGE", location, "1", "application/json", "{\"Name\":\"changed\"}"),
        operation("DELETE", location, "2", null, null),
        operation("DELETE", location, "3", null, null))));
    assertTrue(response.contains("HTTP/1.1 404 Not Found"), response);
    jsonLight().get(location).then().statusCode(200).body("Name", equalTo("original"));
  }

  @Test
  void queryPartsAnswerEachInTheirOwnFormatAndErrorsStayInTheirPart() {
    String root = newRoot();
    createCheckpoint(root, "listed");
    String response = post(root, batch(
        query(root + "VMCheckPoints", "application/atom+xml"),
        query(root + "VMCheckPoints(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')", "application/json"),
        query(root + "VMCheckPoints/$count", "text/plain")));
    assertTrue(response.contains("<feed"), response);
    assertTrue(response.contains("HTTP/1.1 404 Not Found"), response);
    assertTrue(response.contains("\"odata.error\""), response);
    Matcher count = Pattern.compile("text/plain;charset=utf-8\\r\\nContent-Length: 1\\r\\n\\r\\n1").matcher(response);
    assertTrue(count.find(), response);
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
