package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One property ({@code VMCheckPoints(…)/Name}) and its raw {@code $value}, in every format. */
class PropertyTest extends EmulatorHttpTest {

  private String root;
  private String location;

  @BeforeAll
  void createOne() {
    root = newRoot();
    location = createCheckpoint(root, "Checkpoint 1");
  }

  @Test
  void propertyInJsonLight() {
    jsonLight().get(location + "/Name").then()
        .statusCode(200)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .header("DataServiceVersion", "3.0;")
        .body("'odata.metadata'", equalTo(root + "$metadata#Edm.String"))
        .body("value", equalTo("Checkpoint 1"));
    jsonLight().get(location + "/StampId").then().statusCode(200)
        .body("'odata.metadata'", equalTo(root + "$metadata#Edm.Guid"))
        .body("value", equalTo(STAMP));
  }

  @Test
  void nullPropertyInJsonLight() {
    jsonLight().get(location + "/VMCheckPointAction").then().statusCode(200)
        .body("'odata.null'", equalTo(true));
  }

  @Test
  void propertyInXml() {
    dotNet4().get(location.replace("'", "%27") + "/Enabled").then()
        .statusCode(200)
        .header("Content-Type", "application/xml;charset=utf-8")
        .header("DataServiceVersion", "1.0;")
        .body("Enabled", equalTo("true"))
        .body("Enabled.@'m:type'", equalTo("Edm.Boolean"));
    dotNet4().get(location + "/ParentCheckpointID").then().statusCode(200)
        .body("ParentCheckpointID.@'m:null'", equalTo("true"));
  }

  @Test
  void propertyInVerboseJson() {
    request().header("Accept", "application/json;odata=verbose").get(location + "/Name").then()
        .statusCode(200).body("d.Name", equalTo("Checkpoint 1"));
  }

  @Test
  void valueIsPlainText() {
    request().get(location + "/Name/$value").then()
        .statusCode(200)
        .header("Content-Type", "text/plain;charset=utf-8")
        .body(equalTo("Checkpoint 1"));
    request().get(location + "/Accessibility/$value").then().statusCode(200).body(equalTo("Public"));
  }

  @Test
  void valueOfNullIs404AndUnknownPropertyIs404() {
    jsonLight().get(location + "/VMCheckPointAction/$value").then().statusCode(404)
        .body("'odata.error'.code", equalTo("ResourceNotFound"));
    jsonLight().get(location + "/Colour").then().statusCode(404);
  }

  @Test
  void propertiesAreReadOnlyHere() {
    jsonLight().body("{\"value\":\"x\"}").put(location + "/Name").then().statusCode(405).header("Allow", "GET");
  }
}
