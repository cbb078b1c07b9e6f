package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A VM network created without {@code IsolationType} takes it from its logical network (CLIENTS.md
 * D.7 #18 [I]): {@code WindowsNetworkVirtualization} on one with network virtualization; one the body
 * gives is kept.
 */
class VmNetworkIsolationTest extends EmulatorHttpTest {

  private static final String LOGICAL_NETWORK = "00000000-0000-4000-8000-000000000401";

  @BeforeEach
  void resetWorld() {
    spf.reset();
  }

  private JsonNode create(String isolation) {
    String body = "{\"Name\":\"iso\",\"StampId\":\"" + STAMP + "\",\"LogicalNetworkId\":\"" + LOGICAL_NETWORK + "\""
        + (isolation == null ? "" : ",\"IsolationType\":\"" + isolation + "\"") + "}";
    return json(jsonLight().body(body).post(spf.serviceRoot(SEED_SUBSCRIPTION) + "VMNetworks").then().statusCode(201)
        .extract().asString());
  }

  @Test
  void aNetworkOnAVirtualizedLogicalNetworkIsVirtualized() {
    assertEquals("WindowsNetworkVirtualization", create(null).get("IsolationType").asText());
  }

  @Test
  void anIsolationTheBodyGivesIsKept() {
    assertEquals("NoIsolation", create("NoIsolation").get("IsolationType").asText());
  }
}
