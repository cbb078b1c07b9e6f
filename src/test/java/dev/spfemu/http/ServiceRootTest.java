package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service root: any GUID subscription, nothing else; headers on every response. */
class ServiceRootTest extends EmulatorHttpTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/",
      "/not-a-guid/services/systemcenter/vmm/VMCheckPoints",
      "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmmx/",
      "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/VMCheckPoints",
      "/services/systemcenter/vmm/VMCheckPoints"})
  void anythingButAServiceRootIs404WithAnODataError(String path) {
    jsonLight().get(spf.baseUrl() + path).then()
        .statusCode(404)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .header("x-ms-request-id", matchesPattern(GUID))
        .body("'odata.error'.code", equalTo("ResourceNotFound"))
        .body("'odata.error'.message.value", containsString("/{subscription-id}/services/systemcenter/vmm/"));
  }

  @Test
  void rootSegmentsAreCaseInsensitive() {
    String sub = java.util.UUID.randomUUID().toString().toUpperCase();
    jsonLight().get(spf.baseUrl() + "/" + sub + "/Services/SystemCenter/VMM/VMCheckPoints").then()
        .statusCode(200).body("value.size()", equalTo(0));
  }

  @Test
  void errorsCarryRealSpfsHeadersAndNoServerHeader() {
    jsonLight().get(spf.baseUrl() + "/nowhere").then()
        .statusCode(404)
        .header("Cache-Control", "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("request-id", matchesPattern(GUID))
        .header("DataServiceVersion", "3.0;")
        .header("Server", nullValue());
  }

  @Test
  void methodsAResourceDoesNotServeAre405WithAllow() {
    String root = newRoot();
    jsonLight().delete(root + "VMCheckPoints").then().statusCode(405).header("Allow", "GET, POST")
        .body("'odata.error'.code", equalTo("MethodNotAllowed"));
    jsonLight().body("{}").put(root + "$metadata").then().statusCode(405).header("Allow", "GET");
    jsonLight().body("{}").post(root).then().statusCode(405).header("Allow", "GET");
  }

  @Test
  void unknownSystemQueryOptionIs400() {
    jsonLight().get(newRoot() + "VMCheckPoints?$bogus=1").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidUri"));
  }
}
