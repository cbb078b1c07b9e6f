package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad create requests get a 4xx OData error in the client's format that names the problem, and
 * store nothing.
 */
class BadInputTest extends EmulatorHttpTest {

  private static final String SEED = fixture("seed-request.json");
  private static final String ATOM = fixture("atom-create-entry.xml");

  static Stream<Arguments> badJsonBodies() {
    return Stream.of(
        Arguments.of("missing StampId", "{\"Name\":\"x\",\"VMId\":\"" + VM + "\"}",
            400, "MissingRequiredProperty", "'StampId'"),
        Arguments.of("missing VMId", "{\"Name\":\"x\",\"StampId\":\"" + STAMP + "\"}",
            400, "MissingRequiredProperty", "'VMId'"),
        Arguments.of("null StampId", SEED.replace("\"" + STAMP + "\"", "null"),
            400, "MissingRequiredProperty", "'StampId'"),
        Arguments.of("ID not a GUID", SEED.replace("00000000-0000-0000-0000-000000000000", "not-a-guid"),
            400, "InvalidPropertyValue", "'ID' is not a valid Edm.Guid"),
        Arguments.of("Enabled a string", SEED.replace("\"Enabled\":null", "\"Enabled\":\"yes\""),
            400, "InvalidPropertyValue", "'Enabled' is not a valid Edm.Boolean"),
        Arguments.of("Name a number", SEED.replace("\"Checkpoint 1\"", "42"),
            400, "InvalidPropertyValue", "'Name' is not a valid Edm.String"),
        Arguments.of("AddedTime not a date", SEED.replace("\"AddedTime\":null", "\"AddedTime\":\"yesterday\""),
            400, "InvalidPropertyValue", "'AddedTime' is not a valid Edm.DateTime"),
        Arguments.of("truncated mid-object", SEED.substring(0, SEED.indexOf("\"VMId\":") + 7),
            400, "MalformedPayload", "not a valid JSON payload"),
        Arguments.of("not an object", "[" + SEED + "]", 400, "MalformedPayload", "JSON object"),
        Arguments.of("trailing content", SEED + "{}", 400, "MalformedPayload", "after the end"),
        Arguments.of("unknown property", SEED.replace("\"Name\"", "\"Colour\":\"red\",\"Name\""),
            400, "UnknownProperty", "'Colour' does not exist on type 'VMM.VMCheckPoint'"),
        Arguments.of("duplicate property", SEED.replace("\"Name\"", "\"VMId\":\"" + VM + "\",\"Name\""),
            400, "DuplicateProperty", "'VMId'"),
        Arguments.of("wrong odata.type", SEED.replace("VMM.VMCheckPoint", "VMM.VirtualMachine"),
            400, "TypeMismatch", "'VMM.VirtualMachine'"),
        Arguments.of("empty body", "", 400, "MalformedPayload", "empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badJsonBodies")
  void badJsonLightBodyIsAJsonLightErrorAndStoresNothing(String name, String body, int status, String code,
      String message) {
    String root = newRoot();
    jsonLight().body(body).post(root + "VMCheckPoints").then()
        .statusCode(status)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .header("DataServiceVersion", "3.0;")
        .body("'odata.error'.code", equalTo(code))
        .body("'odata.error'.message.lang", equalTo("en-US"))
        .body("'odata.error'.message.value", containsString(message));
    assertEquals(0, countCheckpoints(root));
  }

  static Stream<Arguments> badAtomBodies() {
    return Stream.of(
        Arguments.of("truncated XML", ATOM.substring(0, ATOM.indexOf("<d:Name>")), "MalformedPayload",
            "not a valid Atom XML payload"),
        Arguments.of("not an entry", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>",
            "MalformedPayload", "<entry>"),
        Arguments.of("missing VMId", ATOM.replaceAll("<d:VMId[^>]*>[^<]*</d:VMId>", ""),
            "MissingRequiredProperty", "'VMId'"),
        Arguments.of("missing StampId", ATOM.replaceAll("<d:StampId[^>]*>[^<]*</d:StampId>", ""),
            "MissingRequiredProperty", "'StampId'"),
        Arguments.of("unknown property", ATOM.replace("<d:Name>", "<d:Colour>red</d:Colour><d:Name>"),
            "UnknownProperty", "'Colour'"),
        Arguments.of("bad GUID", ATOM.replace(">" + VM + "<", ">f11b61fa<"), "InvalidPropertyValue",
            "'VMId' is not a valid Edm.Guid"),
        Arguments.of("bad Boolean", ATOM.replace("<d:Enabled m:type=\"Edm.Boolean\" m:null=\"true\" />",
            "<d:Enabled m:type=\"Edm.Boolean\">maybe</d:Enabled>"), "InvalidPropertyValue", "'Enabled'"),
        Arguments.of("wrong category", ATOM.replace("term=\"VMM.VMCheckPoint\"", "term=\"VMM.Job\""),
            "TypeMismatch", "'VMM.Job'"),
        Arguments.of("external entity", "<?xml version=\"1.0\"?><!DOCTYPE entry [<!ENTITY x SYSTEM"
            + " \"file:///etc/passwd\">]><entry xmlns=\"http://www.w3.org/2005/Atom\">&x;</entry>",
            "MalformedPayload", "Atom XML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAtomBodies")
  void badAtomBodyIsAnXmlErrorAndStoresNothing(String name, String body, String code, String message) {
    String root = newRoot();
    Response response = dotNet4().contentType("application/atom+xml").body(body).post(root + "VMCheckPoints");
    response.then()
        .statusCode(400)
        .header("Content-Type", "application/xml;charset=utf-8")
        .header("DataServiceVersion", "1.0;")
        .body("error.code", equalTo(code))
        .body("error.message", containsString(message));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void badVerboseBodyIsAVerboseError() {
    String root = newRoot();
    request().header("Accept", "application/json;odata=verbose").contentType("application/json;odata=verbose")
        .body("{\"Name\":\"x\",\"VMId\":\"" + VM + "\"}")
        .post(root + "VMCheckPoints").then()
        .statusCode(400)
        .header("Content-Type", "application/json;odata=verbose;charset=utf-8")
        .body("error.code", equalTo("MissingRequiredProperty"))
        .body("error.message.value", containsString("'StampId'"));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void existingIdForTheSameStampIsAConflictAndKeepsTheOriginal() {
    String root = newRoot();
    String id = "5d2cf61c-f7c4-46e6-a6df-1c6e1f2aa797";
    String first = SEED.replace("00000000-0000-0000-0000-000000000000", id);
    jsonLight().body(first).post(root + "VMCheckPoints").then().statusCode(201)
        .body("ID", equalTo(id));

    jsonLight().body(first.replace("Checkpoint 1", "Impostor")).post(root + "VMCheckPoints").then()
        .statusCode(409)
        .body("'odata.error'.code", equalTo("EntityAlreadyExists"))
        .body("'odata.error'.message.value", containsString(id));

    jsonLight().get(root + "VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(200).body("Name", equalTo("Checkpoint 1"));
    assertEquals(1, countCheckpoints(root));
  }

  @Test
  void sameIdUnderAnotherStampIsADifferentEntity() {
    String root = newRoot();
    String id = "5d2cf61c-f7c4-46e6-a6df-1c6e1f2aa797";
    String body = SEED.replace("00000000-0000-0000-0000-000000000000", id);
    jsonLight().body(body).post(root + "VMCheckPoints").then().statusCode(201);
    String otherStamp = "0b7e8a1c-6f2d-4c7e-9a51-3d2e5f8b9c10";
    jsonLight().body("{\"ID\":\"" + VM + "\",\"StampId\":\"" + otherStamp + "\",\"Name\":\"twin\",\"CloudId\":\""
        + CLOUD + "\"}").post(root + "VirtualMachines").then().statusCode(201);
    jsonLight().body(body.replace(STAMP, otherStamp)).post(root + "VMCheckPoints")
        .then().statusCode(201);
    assertEquals(2, countCheckpoints(root));
  }

  @Test
  void unsupportedContentTypeIs415InTheAcceptedFormat() {
    String root = newRoot();
    jsonLight().contentType("text/plain").body(SEED).post(root + "VMCheckPoints").then()
        .statusCode(415)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .body("'odata.error'.code", equalTo("UnsupportedMediaType"))
        .body("'odata.error'.message.value", containsString("'text/plain' is not supported"));
    dotNet4().contentType("application/json;charset=iso-8859-1").body(SEED).post(root + "VMCheckPoints").then()
        .statusCode(415)
        .header("Content-Type", "application/xml;charset=utf-8")
        .body("error.code", equalTo("UnsupportedMediaType"));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void bodyWithoutContentTypeIs415() {
    String root = newRoot();
    // java.net.http sends no Content-Type unless told to, unlike REST Assured
    java.net.http.HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(root + "VMCheckPoints"))
        .header("Accept", JSON_LIGHT)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SEED)).build());
    assertEquals(415, response.statusCode());
    assertEquals("UnsupportedMediaType", json(response.body()).get("odata.error").get("code").asText());
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void oversizedBodyIs413() {
    String root = newRoot();
    String huge = "{\"Name\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
    jsonLight().body(huge).post(root + "VMCheckPoints").then()
        .statusCode(413)
        .body("'odata.error'.code", equalTo("PayloadTooLarge"));
    assertEquals(0, countCheckpoints(root));
  }

  static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(request,
          java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
