package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests the HTTP layer refuses still get OData errors; odd but valid transfer forms work. */
class MalformedRequestTest extends EmulatorHttpTest {

  private String raw(String requestHead) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", spf.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String get(String path, String extraHeaders) throws IOException {
    return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "Connection: close\r\n\r\n");
  }

  private static final String ROOT_PATH = "/" + SEED_SUBSCRIPTION + "/services/systemcenter/vmm/";

  @Test
  void badPercentEncodingInThePathIsAnODataError() throws IOException {
    String response = get(ROOT_PATH + "VMCheckPoints(ID=guid'%zz')", "");
    assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    assertTrue(response.contains("<m:code>MalformedRequest</m:code>"), response);
    assertTrue(response.contains("x-ms-request-id: "), response);
    assertFalse(response.contains("<html"), response);
  }

  @Test
  void encodedSlashIsAnODataErrorInTheAcceptedFormat() throws IOException {
    String response = get(ROOT_PATH + "VMCheckPoints%2FX", "Accept: application/json;odata=minimalmetadata\r\n");
    assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    assertTrue(response.contains("{\"odata.error\":{\"code\":\"MalformedRequest\""), response);
  }

  @Test
  void oversizedHeadersAreAnODataError() throws IOException {
    String response = get(ROOT_PATH, "X-Big: " + "a".repeat(20_000) + "\r\n");
    assertTrue(response.startsWith("HTTP/1.1 431 "), response);
    assertTrue(response.contains("<m:code>MalformedRequest</m:code>"), response);
  }

  @Test
  void garbledHeaderLineIsAnODataError() throws IOException {
    String response = raw("GET " + ROOT_PATH + " HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    assertTrue(response.contains("<m:code>MalformedRequest</m:code>"), response);
  }

  @Test
  void chunkedBodyWithoutContentLengthIsRead() {
    String root = newRoot();
    byte[] body = checkpointBody("chunked").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = BadInputTest.send(HttpRequest.newBuilder(URI.create(root + "VMCheckPoints"))
        .header("Content-Type", JSON_LIGHT)
        .header("Accept", JSON_LIGHT)
        .header("DataServiceVersion", "3.0")
        .header("MinDataServiceVersion", "3.0")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build());
    assertEquals(201, response.statusCode(), response.body());
    assertEquals("chunked", json(response.body()).get("Name").asText());
    assertEquals(1, countCheckpoints(root));
  }

  @Test
  void contentTypeOnABodilessGetIsIgnored() {
    String root = newRoot();
    createCheckpoint(root, "listed");
    request().header("Accept", JSON_LIGHT).contentType("application/atom+xml").get(root + "VMCheckPoints")
        .then().statusCode(200).header("Content-Type", JSON_LIGHT_RESPONSE)
        .body("value.Name", equalTo(java.util.List.of("listed")));
  }

  @Test
  void oversizedBodyAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws IOException {
    String response = raw("POST " + ROOT_PATH + "VMCheckPoints HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nAccept: application/json\r\n"
        + "Content-Length: 200000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 413 "), response);
    assertFalse(response.contains("100 Continue"), response);
    assertTrue(response.contains("\"code\":\"PayloadTooLarge\""), response);
  }
}
