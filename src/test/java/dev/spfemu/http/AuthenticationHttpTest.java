package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.server.auth.NtlmClient;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An emulator with a user and bearer tokens: the SPF roots take Basic and NTLM (v2, verified), the
 * tenant roots bearer tokens too; a refusal is a 401 offering Basic and NTLM (or a 403), with an
 * OData error in the client's format; the caller is the new VM's owner; no credential is journalled.
 */
class AuthenticationHttpTest extends EmulatorHttpTest {

  private static final String USER = "spfadmin";
  private static final String PASSWORD = "S3cret:pässword";
  private static final List<String> CHALLENGES = List.of("Basic realm=\"SPF VMM Emulator\"", "NTLM");

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().user(USER, PASSWORD).token("tenant-token", SEED_SUBSCRIPTION)
        .token("any-token");
  }

  private String spfRoot() {
    return spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String vm(String name) {
    return "{\"StampId\":\"" + STAMP + "\",\"Name\":\"" + name + "\",\"CloudId\":\"" + CLOUD + "\"}";
  }

  /** A 401 offers Basic and NTLM, and says in JSON light what to send. */
  private static void assertUnauthorizedJson(ExtractableResponse<Response> reply, String saying) {
    assertTrue(reply.headers().getValues("WWW-Authenticate").containsAll(CHALLENGES),
        reply.headers().getValues("WWW-Authenticate").toString());
    JsonNode error = json(reply.asString()).get("odata.error");
    assertEquals("Unauthorized", error.get("code").asText());
    assertTrue(error.get("message").get("value").asText().contains(saying), error.toString());
    assertNotNull(reply.header("x-ms-request-id"), "a refusal carries SPF's headers");
  }

  private static void assertUnauthorizedAtom(ExtractableResponse<Response> reply, String saying) {
    assertEquals(CHALLENGES, reply.headers().getValues("WWW-Authenticate"));
    assertTrue(reply.contentType().startsWith("application/xml"), reply.contentType());
    assertEquals("Unauthorized", Xml.parse(reply.asString()).string("/m:error/m:code"));
    assertTrue(reply.asString().contains(saying), reply.asString());
  }

  @Test
  void basicWithTheConfiguredUserReadsEveryRoot() {
    jsonLight().header("Authorization", basic(USER, PASSWORD)).get(spfRoot() + "Clouds").then().statusCode(200);
    jsonLight().header("Authorization", basic(USER, PASSWORD)).get(demoRoot() + "Clouds").then().statusCode(200);
    jsonLight().header("Authorization", basic(USER, PASSWORD))
        .get(spf.baseUrl() + "/SC2012R2/Admin/Microsoft.Management.Odata.svc/").then().statusCode(200);
  }

  @Test
  void noCredentialsIs401WithBothChallengesInJsonLightAndAtom() {
    assertUnauthorizedJson(request().header("Accept", "application/json").get(spfRoot() + "Clouds").then()
        .statusCode(401).extract(), "--user NAME:PASSWORD");
    assertUnauthorizedAtom(request().get(spfRoot() + "Clouds").then().statusCode(401).extract(),
        "--user NAME:PASSWORD");
    assertUnauthorizedJson(jsonLight().get(demoRoot() + "Clouds").then().statusCode(401).extract(), "Bearer");
    jsonLight().get(spf.baseUrl() + "/nowhere").then().statusCode(401);
  }

  @Test
  void aWrongPasswordIs401InJsonLightAndAtom() {
    assertUnauthorizedJson(jsonLight().header("Authorization", basic(USER, "guess")).get(spfRoot() + "Clouds").then()
        .statusCode(401).extract(), "user name or password");
    assertUnauthorizedAtom(request().header("Authorization", basic(USER, "guess")).get(spfRoot() + "Clouds").then()
        .statusCode(401).extract(), "user name or password");
  }

  @Test
  void aFullNtlmHandshakeAuthenticatesTheConnection() {
    try (RawHttp.Connection connection = new RawHttp.Connection(URI.create(spfRoot()))) {
      URI vms = URI.create(spfRoot() + "VirtualMachines");
      RawHttp.Reply probe = connection.send("GET", vms, null, "Authorization: NTLM " + NtlmClient.GO_NEGOTIATE);
      assertEquals(401, probe.status(), probe.body());
      assertEquals(1, probe.values("WWW-Authenticate").size(), "only the NTLM challenge, as the Go transport needs");
      String challenge = probe.values("WWW-Authenticate").get(0);
      assertTrue(challenge.startsWith("NTLM T"), challenge);
      RawHttp.Reply created = connection.send("POST", vms, vm("ntlm-vm"), "Content-Type: application/json",
          "Accept: application/json", "x-ms-principal-id: " + SEED_SUBSCRIPTION,
          "Authorization: " + NtlmClient.authenticate(challenge, USER.toUpperCase(), "CORP", PASSWORD));
      assertEquals(201, created.status(), created.body());
      RawHttp.Reply again = connection.send("GET", URI.create(spfRoot() + "Clouds"), null, "Accept: application/json");
      assertEquals(200, again.status(), "IIS keeps an NTLM connection authenticated: " + again.body());
    }
    jsonLight().get(spfRoot() + "Clouds").then().statusCode(401); // another connection is not
  }

  /** A client that sends its body with every leg of the handshake keeps its connection for the next leg. */
  @Test
  void aNegotiateWithABodyKeepsTheConnection() {
    try (RawHttp.Connection connection = new RawHttp.Connection(URI.create(spfRoot()))) {
      URI vms = URI.create(spfRoot() + "VirtualMachines");
      RawHttp.Reply probe = connection.send("POST", vms, vm("ntlm-body-vm"), "Content-Type: application/json",
          "Authorization: NTLM " + NtlmClient.GO_NEGOTIATE);
      assertEquals(401, probe.status(), probe.body());
      RawHttp.Reply created = connection.send("POST", vms, vm("ntlm-body-vm"), "Content-Type: application/json",
          "Accept: application/json", "x-ms-principal-id: " + SEED_SUBSCRIPTION,
          "Authorization: " + NtlmClient.authenticate(probe.header("WWW-Authenticate"), USER, "CORP", PASSWORD));
      assertEquals(201, created.status(), created.body());
    }
  }

  @Test
  void ntlmWithAWrongPasswordIs401() {
    try (RawHttp.Connection connection = new RawHttp.Connection(URI.create(spfRoot()))) {
      URI clouds = URI.create(spfRoot() + "Clouds");
      RawHttp.Reply probe = connection.send("GET", clouds, null, "Authorization: NTLM " + NtlmClient.GO_NEGOTIATE);
      RawHttp.Reply refused = connection.send("GET", clouds, null, "Accept: application/json",
          "Authorization: " + NtlmClient.authenticate(probe.header("WWW-Authenticate"), USER, "CORP", "guess"));
      assertEquals(401, refused.status());
      assertEquals(CHALLENGES, refused.values("WWW-Authenticate"));
      assertEquals("Unauthorized", json(refused.body()).get("odata.error").get("code").asText());
    }
  }

  @Test
  void bearerTokensOnTheTenantRoots() {
    jsonLight().header("Authorization", "Bearer tenant-token").get(demoRoot() + "Clouds").then().statusCode(200);
    jsonLight().header("Authorization", "Bearer any-token").get(emptyRoot() + "Clouds").then().statusCode(200);
    jsonLight().header("Authorization", "Bearer any-token")
        .get(spf.baseUrl() + "/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/Clouds()")
        .then().statusCode(200);
  }

  @Test
  void aTokenOfAnotherSubscriptionIs403InJsonLightAndAtom() {
    String root = emptyRoot();
    String body = jsonLight().header("Authorization", "Bearer tenant-token").get(root + "Clouds").then()
        .statusCode(403).extract().asString();
    assertEquals("Forbidden", json(body).get("odata.error").get("code").asText());
    assertTrue(body.contains("not valid for subscription"), body);
    String atom = request().header("Authorization", "Bearer tenant-token").get(root + "Clouds").then()
        .statusCode(403).extract().asString();
    assertEquals("Forbidden", Xml.parse(atom).string("/m:error/m:code"));
  }

  @Test
  void aBearerTokenOnAnSpfRootIs401() {
    ExtractableResponse<Response> reply = jsonLight().header("Authorization", "Bearer any-token")
        .get(spfRoot() + "Clouds").then().statusCode(401).extract();
    assertUnauthorizedJson(reply, "Basic or NTLM");
    jsonLight().header("Authorization", "Bearer wrong").get(demoRoot() + "Clouds").then().statusCode(401);
  }

  @Test
  void theAuthenticatedUserOwnsWhatItCreates() {
    JsonNode owner = json(jsonLight().header("Authorization", basic(USER, PASSWORD)).body(vm("owned"))
        .post(demoRoot() + "VirtualMachines").then().statusCode(201).extract().asString()).get("Owner");
    assertEquals(USER, owner.get("UserName").asText());
    JsonNode named = json(jsonLight().header("Authorization", basic(USER, PASSWORD))
        .header("x-ms-principal-id", "tenant@fabrikam.com").body(vm("named"))
        .post(demoRoot() + "VirtualMachines").then().statusCode(201).extract().asString()).get("Owner");
    assertEquals("tenant@fabrikam.com", named.get("UserName").asText(), "a principal sent is kept");
  }

  @Test
  void theAuthenticatedUserOwnsWhatABatchCreates() {
    List<BatchResponse.Part> parts = new BatchRequest().changeSet(BatchRequest.operation("POST", "VirtualMachines",
        "Content-Type: application/json\r\nAccept: application/json\r\n", vm("batched"))).post(demoRoot(),
        "Authorization", basic(USER, PASSWORD));
    JsonNode owner = json(parts.get(0).single().body()).get("Owner");
    assertEquals(USER, owner.get("UserName").asText(), parts.toString());
  }

  @Test
  void theJournalKeepsNoCredential() {
    spf.clearRequests();
    jsonLight().header("Authorization", basic(USER, PASSWORD)).get(demoRoot() + "Clouds").then().statusCode(200);
    jsonLight().header("Authorization", "Bearer tenant-token").header("Proxy-Authorization", basic("proxy", "pw"))
        .get(demoRoot() + "Clouds").then().statusCode(200);
    jsonLight().header("Authorization", basic(USER, "guess")).get(demoRoot() + "Clouds").then().statusCode(401);
    List<RecordedRequest> requests = spf.requests();
    assertEquals(3, requests.size());
    assertEquals("Basic ***", requests.get(0).header("Authorization"));
    assertEquals("Bearer ***", requests.get(1).header("Authorization"));
    assertEquals("Basic ***", requests.get(1).header("Proxy-Authorization"));
    assertEquals(401, requests.get(2).status(), "a refusal is journalled");
    assertFalse(requests.toString().contains("tenant-token"), requests.toString());
  }
}
