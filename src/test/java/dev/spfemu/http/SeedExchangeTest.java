package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seed document's exchange ("Create (POST) a VMCheckPoint"), request as sent, answer as real SPF gave it. */
class SeedExchangeTest extends EmulatorHttpTest {

  private Response postSeed(String root) {
    return request()
        .header("DataServiceVersion", "3.0;NetFx")
        .header("MaxDataServiceVersion", "3.0;NetFx")
        .header("Content-Type", JSON_LIGHT)
        .header("Accept", JSON_LIGHT)
        .header("Accept-Charset", "UTF-8")
        .header("DataServiceUrlConventions", "KeyAsSegment")
        .header("User-Agent", "Microsoft ADO.NET Data Services")
        .header("Authorization", "Bearer {ENCODED AUTHENTICATION TOKEN}")
        .header("x-ms-principal-id", "tenant@fabrikam.com")
        .header("Expect", "100-continue")
        .body(fixture("seed-request.json"))
        .post(root + "VMCheckPoints");
  }

  @Test
  void seedCreateAnswersLikeRealSpf() {
    String root = spf.serviceRoot(SEED_SUBSCRIPTION);
    Response response = postSeed(root);

    response.then()
        .statusCode(201)
        .header("Cache-Control", "no-cache")
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .header("X-Content-Type-Options", "nosniff")
        .header("DataServiceVersion", "3.0;")
        .header("x-ms-request-id", matchesPattern(GUID))
        .header("request-id", matchesPattern(GUID))
        .header("Server", nullValue())
        .header("Location", matchesPattern(java.util.regex.Pattern.quote(root + "VMCheckPoints(ID=guid'")
            + GUID + "',StampId=guid'" + STAMP + "'\\)"));

    JsonNode body = json(response.asString());
    JsonNode expected = json(fixture("seed-response.json"));
    assertEquals(fieldNames(expected), fieldNames(body), "property order must be real SPF's");
    assertEquals(root + "$metadata#VMCheckPoints/@Element", body.get("odata.metadata").asText());
    assertEquals("Public", body.get("Accessibility").asText());
    assertEquals("", body.get("Description").asText());
    assertTrue(body.get("Enabled").asBoolean());
    assertEquals("Checkpoint 1", body.get("Name").asText());
    assertEquals(VM, body.get("VMId").asText());
    assertEquals(STAMP, body.get("StampId").asText());
    String id = body.get("ID").asText();
    assertTrue(id.matches(GUID));
    assertNotEquals("00000000-0000-0000-0000-000000000000", id);
    assertTrue(response.header("Location").contains(id));
    assertTrue(body.get("AddedTime").asText().matches(SPF_DATE_TIME), body.get("AddedTime").asText());
    assertEquals(body.get("AddedTime"), body.get("ModifiedTime"));
    for (String echoedNull : new String[] {"CheckpointID", "ParentCheckpointID", "VMCheckPointAction", "Confirm",
        "RunAsynchronously"}) {
      assertTrue(body.get(echoedNull).isNull(), echoedNull);
    }
  }

  @Test
  void everyResponseHasFreshRequestIds() {
    String root = newRoot();
    Response first = postSeed(root);
    Response second = postSeed(root);
    first.then().statusCode(201).header("x-ms-request-id", matchesPattern(GUID)).header("request-id", matchesPattern(GUID));
    second.then().statusCode(201).header("x-ms-request-id", matchesPattern(GUID));
    assertNotEquals(first.header("x-ms-request-id"), second.header("x-ms-request-id"));
    assertNotEquals(first.header("request-id"), second.header("request-id"));
    assertNotEquals(first.header("Location"), second.header("Location"), "each create gets a new ID");
  }

  @Test
  void locationCanBeReadBackAsIs() {
    String root = newRoot();
    Response created = postSeed(root);
    created.then().statusCode(201);
    JsonNode createdBody = json(created.asString());
    assertEquals(fieldNames(json(fixture("seed-response.json"))), fieldNames(createdBody));

    String read = jsonLight().get(created.header("Location"))
        .then().statusCode(200).header("Content-Type", JSON_LIGHT_RESPONSE).header("DataServiceVersion", "3.0;")
        .extract().asString();
    JsonNode readBody = json(read);
    assertEquals(fieldNames(createdBody), fieldNames(readBody));
    for (String name : fieldNames(createdBody)) {
      if (!name.equals("CheckpointID")) {
        assertEquals(createdBody.get(name), readBody.get(name), name);
      }
    }
    // the 201 shows the checkpoint as submitted, as real SPF's does; its job has since given it a CheckpointID
    assertTrue(readBody.get("CheckpointID").asText().matches(GUID));
  }

  /**
   * The seed request byte for byte over a socket, with {@code Expect: 100-continue}: the body
   * is only sent after the interim 100 response, as the .NET client does.
   */
  @Test
  void verbatimRequestOverSocketWithExpectContinue() throws IOException {
    byte[] body = fixture("seed-request.json").getBytes(StandardCharsets.UTF_8);
    String path = "/" + SEED_SUBSCRIPTION + "/services/systemcenter/vmm/VMCheckPoints";
    String head = "POST " + path + " HTTP/1.1\r\n"
        + "DataServiceVersion: 3.0;NetFx\r\n"
        + "MaxDataServiceVersion: 3.0;NetFx\r\n"
        + "Content-Type: application/json;odata=minimalmetadata\r\n"
        + "Accept: application/json;odata=minimalmetadata\r\n"
        + "Accept-Charset: UTF-8\r\n"
        + "DataServiceUrlConventions: KeyAsSegment\r\n"
        + "User-Agent: Microsoft ADO.NET Data Services\r\n"
        + "Authorization: Bearer {ENCODED AUTHENTICATION TOKEN}\r\n"
        + "x-ms-principal-id: tenant@fabrikam.com\r\n"
        + "Host: 127.0.0.1:" + spf.port() + "\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Expect: 100-continue\r\n"
        + "Connection: close\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", spf.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String interim = readLine(in);
      assertEquals("HTTP/1.1 100 Continue", interim);
      assertEquals("", readLine(in));
      out.write(body);
      out.flush();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 201 Created\r\n"), response);
      assertTrue(response.contains("\r\nDataServiceVersion: 3.0;\r\n"), response);
      assertTrue(response.contains("\r\nLocation: http://127.0.0.1:" + spf.port() + path + "(ID=guid'"), response);
      assertTrue(response.endsWith("\"RunAsynchronously\":null}"), response);
    }
  }

  @Test
  void seedBodyNeverChangesTheResponseShapeForLaterRequests() {
    String root = newRoot();
    postSeed(root).then().statusCode(201);
    jsonLight().get(root + "VMCheckPoints").then().statusCode(200)
        .body("value.size()", equalTo(1))
        .body("value[0].Name", equalTo("Checkpoint 1"))
        .body("'odata.metadata'", equalTo(root + "$metadata#VMCheckPoints"))
        .body("value[0].ID", not(equalTo("00000000-0000-0000-0000-000000000000")));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
