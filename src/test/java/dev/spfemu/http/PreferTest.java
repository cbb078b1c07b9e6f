package dev.spfemu.http;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Prefer: return-content} / {@code return-no-content} (OData v3), honoured as WCF Data
 * Services honours them: on creates and updates of v3 requests, with {@code Preference-Applied} and
 * a 3.0 answer.
 */
class PreferTest extends EmulatorHttpTest {

  private static final String APPLIED = "Preference-Applied";

  private String checkpoint(String root) {
    return createCheckpoint(root, "original");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "MERGE", "PATCH"})
  void returnContentOnAnUpdateAnswers200WithTheEntity(String method) {
    String location = checkpoint(newRoot());
    jsonLight().header("Prefer", "return-content").body("{\"Description\":\"by " + method + "\"}")
        .request(method, location).then()
        .statusCode(200)
        .header(APPLIED, "return-content")
        .header("DataServiceVersion", "3.0;")
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .body("Description", equalTo("by " + method))
        .body("Name", equalTo("original"))
        .body("'odata.metadata'", equalTo(location.substring(0, location.indexOf("VMCheckPoints"))
            + "$metadata#VMCheckPoints/@Element"));
  }

  @Test
  void aTunnelledMergeHonoursItToo() {
    String location = checkpoint(newRoot());
    jsonLight().header("Prefer", "return-content").header("X-HTTP-Method", "MERGE")
        .body("{\"Description\":\"tunnelled\"}").post(location).then()
        .statusCode(200).header(APPLIED, "return-content").body("Description", equalTo("tunnelled"));
  }

  @Test
  void theEntityComesBackInTheNegotiatedFormatAsAGetWouldHaveIt() {
    String location = checkpoint(newRoot());
    String atom = request().header("DataServiceVersion", "3.0").header("MaxDataServiceVersion", "3.0")
        .header("Accept", "application/atom+xml").header("Prefer", "return-content")
        .contentType("application/json").body("{\"Description\":\"atom\"}").request("MERGE", location).then()
        .statusCode(200).header(APPLIED, "return-content").header("DataServiceVersion", "3.0;")
        .header("Content-Type", "application/atom+xml;type=entry;charset=utf-8").extract().asString();
    assertEquals("atom", new XmlPath(atom).getString("entry.content.properties.Description"));
    assertEquals(location, new XmlPath(atom).getString("entry.id"));

    request().header("Accept", "application/json;odata=verbose").header("Prefer", "return-content")
        .contentType("application/json").body("{\"Description\":\"verbose\"}").put(location).then()
        .statusCode(200).header("DataServiceVersion", "3.0;")
        .header("Content-Type", "application/json;odata=verbose;charset=utf-8")
        .body("d.Description", equalTo("verbose"))
        .body("d.__metadata.uri", equalTo(location));
  }

  @Test
  void aVmStartedWithReturnContentComesBackRunning() {
    String root = emptyRoot();
    String location = jsonLight().body("{\"Name\":\"vm\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    Response started = jsonLight().header("Prefer", "return-content").body("{\"Operation\":\"Start\"}").put(location);
    started.then().statusCode(200).body("Status", equalTo("Running")).body("Operation", nullValue())
        .body("MostRecentTaskId", equalTo(started.header("x-ms-request-id")));
  }

  @Test
  void returnNoContentOnACreateAnswers204WithLocationAndDataServiceId() {
    String root = newRoot();
    Response created = jsonLight().header("Prefer", "return-no-content").body(checkpointBody("quiet"))
        .post(root + "VMCheckPoints");
    created.then()
        .statusCode(204)
        .header(APPLIED, "return-no-content")
        .header("DataServiceVersion", "3.0;")
        .header("Content-Type", nullValue())
        .body(emptyString());
    String location = created.header("Location");
    assertEquals(location, created.header("DataServiceId"));
    jsonLight().get(location).then().statusCode(200).body("Name", equalTo("quiet"));
  }

  @Test
  void theOtherPreferenceOfEachMethodIsTheUsualAnswerMarkedApplied() {
    String root = newRoot();
    Response created = jsonLight().header("Prefer", "return-content").body(checkpointBody("loud"))
        .post(root + "VMCheckPoints");
    created.then().statusCode(201).header(APPLIED, "return-content").header("DataServiceVersion", "3.0;")
        .body("Name", equalTo("loud"));
    request().header("DataServiceVersion", "3.0").header("MaxDataServiceVersion", "3.0")
        .header("Accept", "application/atom+xml").header("Prefer", "return-no-content").contentType("application/json").body("{\"Description\":\"x\"}")
        .request("MERGE", created.header("Location")).then()
        .statusCode(204).header(APPLIED, "return-no-content").header("DataServiceVersion", "3.0;");
  }

  @Test
  void deletesAndReadsIgnoreIt() {
    String location = checkpoint(newRoot());
    jsonLight().header("Prefer", "return-content").get(location).then().statusCode(200).header(APPLIED, nullValue());
    jsonLight().header("Prefer", "return-content").delete(location).then().statusCode(204)
        .header(APPLIED, nullValue()).header("DataServiceVersion", "1.0;");
  }

  @ParameterizedTest
  @CsvSource(value = {
      "1.0;NetFx, 2.0;NetFx, false",
      "2.0, 3.0, false",
      "3.0;NetFx, 3.0;NetFx, true",
      "3.0, NULL, true",
      "NULL, 2.0, false",
      "NULL, 3.0, true",
      "NULL, NULL, true"}, nullValues = "NULL")
  void itIsHonouredForVersion3RequestsOnly(String dataServiceVersion, String max, boolean honoured) {
    String location = checkpoint(newRoot());
    RequestSpecification request = request().header("Accept", "application/atom+xml")
        .header("Prefer", "return-content").contentType("application/json").body("{\"Description\":\"v\"}");
    if (dataServiceVersion != null) {
      request.header("DataServiceVersion", dataServiceVersion);
    }
    if (max != null) {
      request.header("MaxDataServiceVersion", max);
    }
    Response response = request.request("MERGE", location);
    if (honoured) {
      response.then().statusCode(200).header(APPLIED, "return-content").header("DataServiceVersion", "3.0;");
    } else {
      response.then().statusCode(204).header(APPLIED, nullValue()).header("DataServiceVersion", "1.0;")
          .body(emptyString());
    }
  }

  @Test
  void aVersion3RequestWhoseMaximumIsLowerIsRefusedAndChangesNothing() {
    String location = checkpoint(newRoot());
    request().header("DataServiceVersion", "3.0").header("MaxDataServiceVersion", "2.0")
        .header("Accept", "application/atom+xml").header("Prefer", "return-content")
        .contentType("application/json").body("{\"Description\":\"never\"}").request("MERGE", location).then()
        .statusCode(400)
        .body("error.code", equalTo("VersionTooLow"));
    jsonLight().get(location).then().body("Description", equalTo(""));
  }

  @Test
  void unknownPreferencesAreIgnoredAndKnownOnesFoundAmongThem() {
    String location = checkpoint(newRoot());
    jsonLight().header("Prefer", "respond-async, odata.include-annotations=\"*\"")
        .body("{\"Description\":\"a\"}").request("MERGE", location).then()
        .statusCode(204).header(APPLIED, nullValue());
    jsonLight().header("Prefer", "respond-async, Return-Content; x=1").body("{\"Description\":\"b\"}")
        .request("MERGE", location).then()
        .statusCode(200).header(APPLIED, "return-content").body("Description", equalTo("b"));
  }

  @Test
  void anAnswerThatCannotBeWrittenChangesNothing() {
    String location = checkpoint(newRoot());
    request().header("Accept", "text/csv").header("Prefer", "return-content").contentType("application/json")
        .body("{\"Description\":\"never\"}").request("MERGE", location).then().statusCode(406);
    jsonLight().get(location).then().body("Description", equalTo(""));
  }

  @Test
  void aBatchOperationHonoursItsOwnPrefer() {
    String root = newRoot();
    String location = checkpoint(root);
    BatchResponse.Operation merged = new BatchRequest().changeSet(BatchRequest.operation("MERGE", location,
        "Prefer: return-content\r\nAccept: " + JSON_LIGHT + "\r\nContent-Type: application/json\r\n",
        "{\"Description\":\"in a batch\"}")).post(root).get(0).single();
    assertEquals(200, merged.status(), merged.body());
    assertEquals("return-content", merged.header(APPLIED));
    assertEquals("in a batch", json(merged.body()).get("Description").asText());
  }
}
