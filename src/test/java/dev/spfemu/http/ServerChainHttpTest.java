package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.faults.FaultRule;
import dev.spfemu.journal.RecordedRequest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stages in front of the OData pipeline as a client sees them: SPF's headers on every OData
 * answer, the journal and the faults on OData paths only, the admin API outside all of them.
 */
class ServerChainHttpTest extends EmulatorHttpTest {

  /** The header this class's fault rules match on, so no other request can hit them. */
  private static final String MARK = "X-Chain-Test";

  @AfterEach
  void clearFaults() {
    spf.clearFaults();
  }

  private static ValidatableResponse withSpfHeaders(ValidatableResponse response) {
    return response
        .header("Cache-Control", "no-cache")
        .header("x-ms-request-id", matchesPattern(GUID))
        .header("X-Content-Type-Options", "nosniff")
        .header("request-id", matchesPattern(GUID));
  }

  @Test
  void anInjectedErrorCarriesSpfsHeadersAndIsJournaledWithItsStatus() {
    String root = newRoot();
    spf.addFault(FaultRule.builder().header(MARK, "busy").respond(503, "ServiceUnavailable", "busy").build());
    withSpfHeaders(jsonLight().header(MARK, "busy").get(root + "Clouds").then().statusCode(503))
        .body("'odata.error'.code", equalTo("ServiceUnavailable"));
    List<RecordedRequest> requests = spf.requests();
    RecordedRequest last = requests.get(requests.size() - 1);
    assertEquals(503, last.status());
    assertEquals("Clouds", last.entitySet());
  }

  @Test
  void aPathUnderNoServiceRootIsA404WithSpfsHeadersAndNoFaultHitsIt() {
    spf.addFault(FaultRule.builder().header(MARK, "any").respond(500, "Boom", "boom").build());
    withSpfHeaders(jsonLight().header(MARK, "any").get(spf.baseUrl() + "/nowhere").then().statusCode(404))
        .body("'odata.error'.code", equalTo("ResourceNotFound"));
    jsonLight().header(MARK, "any").get(newRoot() + "Clouds").then().statusCode(500);
  }

  @Test
  void theAdminApiIsNotJournaledHasNoSpfHeadersAndNoFaultHitsIt() {
    spf.addFault(FaultRule.builder().header(MARK, "any").respond(500, "Boom", "boom").build());
    spf.clearRequests();
    request().header(MARK, "any").get(spf.baseUrl() + "/_emulator/health").then()
        .statusCode(200)
        .header("x-ms-request-id", nullValue())
        .header("request-id", nullValue());
    assertTrue(spf.requests().isEmpty(), spf.requests().toString());
  }
}
