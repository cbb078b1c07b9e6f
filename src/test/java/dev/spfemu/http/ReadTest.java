package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET by key in every key form clients write, and GET of the collection. */
class ReadTest extends EmulatorHttpTest {

  private String root;
  private String id;

  @BeforeAll
  void createOne() {
    root = newRoot();
    String location = createCheckpoint(root, "readable");
    id = location.substring(location.indexOf("ID=guid'") + 8, location.indexOf("',"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "VMCheckPoints(ID=guid'{id}',StampId=guid'{stamp}')",
      "VMCheckPoints(StampId=guid'{stamp}',ID=guid'{id}')",
      "VMCheckPoints(ID=guid%27{id}%27,StampId=guid%27{stamp}%27)",
      "VMCheckPoints(ID=Guid'{id}',StampId=GUID'{stamp}')",
      "VMCheckPoints(ID=guid'{ID}',StampId=guid'{STAMP}')",
      "VMCheckPoints(ID=guid'%7B{id}%7D',StampId=guid'{stamp}')",
      "VMCheckPoints(StampId=Guid%27{stamp}%27,ID=GUID%27{id}%27)"})
  void keyPredicateInEveryForm(String path) {
    String url = root + path.replace("{id}", id).replace("{ID}", id.toUpperCase())
        .replace("{stamp}", STAMP).replace("{STAMP}", STAMP.toUpperCase());
    jsonLight().get(url).then()
        .statusCode(200)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .body("ID", equalTo(id))
        .body("Name", equalTo("readable"))
        .body("'odata.metadata'", equalTo(root + "$metadata#VMCheckPoints/@Element"));
  }

  @Test
  void unknownKeyIs404WithAnODataError() {
    jsonLight().get(root + "VMCheckPoints(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(404)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .body("'odata.error'.code", equalTo("ResourceNotFound"))
        .body("'odata.error'.message.value", containsString(VM));
  }

  @Test
  void sameIdUnderAnotherStampIs404() {
    jsonLight().get(root + "VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + VM + "')").then()
        .statusCode(404);
  }

  @Test
  void malformedKeysAre400() {
    for (String path : List.of("VMCheckPoints(ID=guid'nope',StampId=guid'" + STAMP + "')",
        "VMCheckPoints(ID=guid'" + id + "')",
        "VMCheckPoints(Name='x',StampId=guid'" + STAMP + "')",
        "VMCheckPoints(ID='" + id + "',StampId=guid'" + STAMP + "')")) {
      jsonLight().get(root + path).then()
          .statusCode(400)
          .body("'odata.error'.code", equalTo("InvalidUri"));
    }
  }

  @Test
  void unknownEntitySetIs404() {
    jsonLight().get(root + "VMCheckpoints").then()
        .statusCode(404)
        .body("'odata.error'.message.value", containsString("VMCheckpoints"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"VMCheckPoints", "VMCheckPoints()"})
  void collectionAsJsonLight(String path) {
    String other = createCheckpoint(root, "second");
    String body = jsonLight().get(root + path).then()
        .statusCode(200)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .header("DataServiceVersion", "3.0;")
        .body("'odata.metadata'", equalTo(root + "$metadata#VMCheckPoints"))
        .body("value.Name", hasItems("readable", "second"))
        .extract().asString();
    JsonNode feed = json(body);
    assertEquals(List.of("odata.metadata", "value"), fieldNames(feed));
    assertEquals(fieldNames(json(fixture("seed-response.json"))).subList(1, 15), fieldNames(feed.get("value").get(0)));
    jsonLight().get(other).then().statusCode(200);
  }

  @Test
  void fullMetadataAnnotatesEntities() {
    String location = root + "VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + STAMP + "')";
    request().header("Accept", "application/json;odata=fullmetadata").get(location).then()
        .statusCode(200)
        .body("'odata.type'", equalTo("VMM.VMCheckPoint"))
        .body("'odata.id'", equalTo(location))
        .body("'odata.editLink'", equalTo(location.substring(root.length())))
        .body("'ID@odata.type'", equalTo("Edm.Guid"))
        .body("'AddedTime@odata.type'", equalTo("Edm.DateTime"));
  }

  @Test
  void noMetadataHasNoAnnotations() {
    String body = request().header("Accept", "application/json;odata=nometadata")
        .get(root + "VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(200).extract().asString();
    assertEquals(fieldNames(json(fixture("seed-response.json"))).subList(1, 15), fieldNames(json(body)));
  }
}
