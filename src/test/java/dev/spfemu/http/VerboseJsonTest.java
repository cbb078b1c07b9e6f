package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** JSON verbose ({"d":…}): v3 clients asking odata=verbose and v1/v2 clients asking plain application/json. */
class VerboseJsonTest extends EmulatorHttpTest {

  private static final String BODY = "{\"__metadata\":{\"type\":\"VMM.VMCheckPoint\"},\"Name\":\"Verbose\","
      + "\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + VM + "\",\"Description\":\"made verbose\"}";

  @Test
  void createWithOdataVerbose() {
    String root = newRoot();
    Response response = request()
        .header("DataServiceVersion", "3.0")
        .header("MaxDataServiceVersion", "3.0")
        .header("Accept", "application/json;odata=verbose")
        .contentType("application/json;odata=verbose")
        .body(BODY)
        .post(root + "VMCheckPoints");
    response.then()
        .statusCode(201)
        .header("Content-Type", "application/json;odata=verbose;charset=utf-8")
        .header("DataServiceVersion", "1.0;")
        .header("Location", matchesPattern(".*VMCheckPoints\\(ID=guid'" + GUID + "',StampId=guid'" + STAMP + "'\\)"));
    JsonNode d = json(response.asString()).get("d");
    assertEquals(response.header("Location"), d.get("__metadata").get("uri").asText());
    assertEquals(response.header("Location"), d.get("__metadata").get("id").asText());
    assertEquals("VMM.VMCheckPoint", d.get("__metadata").get("type").asText());
    assertEquals("Verbose", d.get("Name").asText());
    assertEquals("made verbose", d.get("Description").asText());
    assertEquals("Public", d.get("Accessibility").asText());
    assertTrue(d.get("AddedTime").asText().matches("/Date\\(\\d+\\)/"), d.get("AddedTime").asText());
    assertTrue(response.asString().contains("\"AddedTime\":\"\\/Date("), "slashes escaped as WCF Data Services does");
  }

  @Test
  void plainJsonFromAVersion2ClientIsVerbose() {
    String root = newRoot();
    Response response = request()
        .header("DataServiceVersion", "2.0;NetFx")
        .header("MaxDataServiceVersion", "2.0;NetFx")
        .header("Accept", "application/json")
        .contentType("application/json")
        .body(BODY)
        .post(root + "VMCheckPoints");
    response.then()
        .statusCode(201)
        .header("Content-Type", "application/json;charset=utf-8")
        .header("DataServiceVersion", "1.0;")
        .body("d.Name", equalTo("Verbose"));

    request().header("MaxDataServiceVersion", "2.0").header("Accept", "application/json")
        .get(response.header("Location")).then()
        .statusCode(200)
        .body("d.ID", equalTo(json(response.asString()).get("d").get("ID").asText()))
        .body("d.__metadata.type", equalTo("VMM.VMCheckPoint"));
  }

  @Test
  void collectionIsABareArrayInAVersion1Response() {
    String root = newRoot();
    createCheckpoint(root, "one");
    createCheckpoint(root, "two");
    request().header("MaxDataServiceVersion", "2.0").header("Accept", "application/json")
        .get(root + "VMCheckPoints()").then()
        .statusCode(200)
        .header("DataServiceVersion", "1.0;")
        .body("d.size()", equalTo(2))
        .body("d.Name.sort()", equalTo(java.util.List.of("one", "two")));
  }

  @Test
  void errorsUseTheVerboseErrorShape() {
    request().header("Accept", "application/json;odata=verbose")
        .get(newRoot() + "VMCheckPoints(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(404)
        .header("Content-Type", "application/json;odata=verbose;charset=utf-8")
        .body("error.code", equalTo("ResourceNotFound"))
        .body("error.message.lang", equalTo("en-US"))
        .body("error.message.value", matchesPattern(".*Resource not found.*"));
  }
}
