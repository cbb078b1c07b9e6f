package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.faults.FaultRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Faults a test injects: OData errors in the client's format, dropped connections, cleared by reset. */
class FaultsTest extends EmulatorHttpTest {

  @Test
  void anInjectedErrorIsAnODataErrorUntilTheRuleExpires() {
    String root = newRoot();
    spf.addFault(FaultRule.builder().method("POST").entitySet("VMCheckPoints")
        .respond(503, "ServiceUnavailable", "VMM is busy; try again.").times(2).build());
    for (int i = 0; i < 2; i++) {
      jsonLight().body(checkpointBody("later")).post(root + "VMCheckPoints").then()
          .statusCode(503)
          .header("Content-Type", JSON_LIGHT_RESPONSE)
          .body("'odata.error'.code", equalTo("ServiceUnavailable"))
          .body("'odata.error'.message.value", equalTo("VMM is busy; try again."));
    }
    jsonLight().get(root + "VMCheckPoints").then().statusCode(200).body("value.size()", equalTo(0));
    jsonLight().body(checkpointBody("now")).post(root + "VMCheckPoints").then().statusCode(201);
  }

  @Test
  void faultsCanTargetAPrincipalAndAnswerInXml() {
    String root = newRoot();
    spf.addFault(FaultRule.builder().header("x-ms-principal-id", "intruder@contoso.com")
        .respond(403, "Forbidden", "Not your subscription.").build());
    dotNet4().header("x-ms-principal-id", "intruder@contoso.com").get(root + "VMCheckPoints").then()
        .statusCode(403).body("error.code", equalTo("Forbidden"));
    dotNet4().header("x-ms-principal-id", "tenant@fabrikam.com").get(root + "VMCheckPoints").then().statusCode(200);
    spf.clearFaults();
    dotNet4().header("x-ms-principal-id", "intruder@contoso.com").get(root + "VMCheckPoints").then().statusCode(200);
  }

  @Test
  void aDroppedConnectionIsAnIoErrorForTheClient() {
    String root = newRoot();
    spf.addFault(FaultRule.builder().entitySet("Jobs").dropConnection().build());
    HttpRequest request = HttpRequest.newBuilder(URI.create(root + "Jobs")).GET().build();
    assertThrows(IOException.class,
        () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
    jsonLight().get(root + "Clouds").then().statusCode(200);
  }

  @Test
  void resetClearsTheFaults() {
    String root = newRoot();
    spf.addFault(FaultRule.builder().entitySet("Clouds").respond(500, "Boom", "boom").build());
    jsonLight().get(root + "Clouds").then().statusCode(500);
    spf.reset();
    jsonLight().get(root + "Clouds").then().statusCode(200);
  }
}
