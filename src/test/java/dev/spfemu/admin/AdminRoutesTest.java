package dev.spfemu.admin;

import static dev.spfemu.admin.AdminCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.admin.AdminRoutes.Route;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The route table: which call reaches which task, and the 404 for anything else. */
class AdminRoutesTest {

  private static final String OPERATIONS = "There are: GET health, POST reset, GET and PUT state, GET and DELETE"
      + " requests, GET and PUT clock, POST clock/advance, GET, POST and DELETE faults, DELETE faults/{id},"
      + " POST job-faults, GET overview, GET events, GET ui (the live page).";

  private final FakeAdmin admin = new FakeAdmin();
  private final AdminRoutes routes = new AdminRoutes(admin);

  private AdminCalls.Response call(AdminCalls.Request request) throws IOException {
    AdminCalls.Response response = new AdminCalls.Response();
    routes.handle(request, response);
    return response;
  }

  @Test
  void theTableHoldsTheOperationsAndTheLivePagesFiles() {
    assertEquals(Set.of(new Route("GET", "/health"), new Route("POST", "/reset"), new Route("GET", "/state"),
        new Route("PUT", "/state"), new Route("GET", "/requests"), new Route("DELETE", "/requests"),
        new Route("GET", "/clock"), new Route("PUT", "/clock"), new Route("POST", "/clock/advance"),
        new Route("GET", "/faults"), new Route("POST", "/faults"), new Route("DELETE", "/faults"),
        new Route("POST", "/job-faults"), new Route("GET", "/overview"), new Route("GET", "/ui"),
        new Route("GET", "/ui/"), new Route("GET", "/ui/app.js"), new Route("GET", "/ui/app.css")),
        routes.routes());
  }

  @Test
  void theLivePageComesWithAPolicyThatAllowsNothingButThisOrigin() throws IOException {
    AdminCalls.Response page = call(request("GET", "/ui"));
    assertEquals(200, page.status);
    assertEquals("text/html;charset=utf-8", page.contentType);
    assertEquals(UiTask.POLICY, page.headers.get("Content-Security-Policy"));
    assertEquals("nosniff", page.headers.get("X-Content-Type-Options"));
    assertEquals("no-referrer", page.headers.get("Referrer-Policy"));
    assertTrue(page.text().contains("<html lang=\"en\""), "the jar's page");
    assertEquals("text/javascript;charset=utf-8", call(request("GET", "/ui/app.js")).contentType);
    assertEquals("text/css;charset=utf-8", call(request("GET", "/ui/app.css")).contentType);
    assertEquals("{\"subscriptions\":[]}", call(request("GET", "/overview")).text());
    assertEquals(List.of("overview"), admin.calls);
  }

  @Test
  void withATokenTheLivePageAsksABrowserForBasicWithTheTokenAsPassword() throws IOException {
    AdminRoutes locked = new AdminRoutes(admin, AdminAccess.of("s3cret", java.util.Map.of()), Health.ALWAYS_OK);
    AdminCalls.Response page = new AdminCalls.Response();
    locked.handle(request("GET", "/ui"), page);
    assertEquals(401, page.status);
    assertEquals(BasicCredentials.CHALLENGE, page.headers.get("WWW-Authenticate"), "a browser prompts for Basic");
    assertTrue(page.tree().get("error").asText().contains("the token as the password"));
    AdminCalls.Response other = new AdminCalls.Response();
    locked.handle(request("GET", "/overview"), other);
    assertEquals(AdminAccess.BEARER_CHALLENGE, other.headers.get("WWW-Authenticate"), "other calls: Bearer");

    String tokenAsPassword = "Basic " + java.util.Base64.getEncoder().encodeToString(
        "presenter:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    AdminCalls.Response allowed = new AdminCalls.Response();
    locked.handle(request("GET", "/overview").withHeader("Authorization", tokenAsPassword), allowed);
    assertEquals(200, allowed.status);
    String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString(
        "presenter:nope".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    AdminCalls.Response refused = new AdminCalls.Response();
    locked.handle(request("GET", "/overview").withHeader("Authorization", wrong), refused);
    assertEquals(401, refused.status);
  }

  @Test
  void eachCallReachesItsTask() throws IOException {
    assertEquals(204, call(request("DELETE", "/requests")).status);
    assertEquals(204, call(request("DELETE", "/faults")).status);
    assertEquals(204, call(request("POST", "/reset")).status);
    assertEquals(List.of("clearRequests", "clearFaults", "reset"), admin.calls);
    assertEquals("ok", call(request("GET", "/health")).tree().get("status").asText());
    assertEquals("{\"subscriptions\":[]}", call(request("GET", "/state")).text());
  }

  @Test
  void anUnknownOperationIs404NamingTheOperations() throws IOException {
    AdminCalls.Response response = call(request("GET", "/nothing"));
    assertEquals(404, response.status);
    assertTrue(response.json);
    assertEquals("No admin operation 'GET /_emulator/nothing'. " + OPERATIONS,
        response.tree().get("error").asText());
  }

  @Test
  void aKnownPathWithAnotherMethodIsThe404TooNot405() throws IOException {
    AdminCalls.Response response = call(request("DELETE", "/health"));
    assertEquals(404, response.status);
    assertEquals("No admin operation 'DELETE /_emulator/health'. " + OPERATIONS,
        response.tree().get("error").asText());
    assertEquals(404, call(request("get", "/health")).status, "methods compare exactly, as before");
    assertEquals(404, call(request("GET", "/")).status);
    assertTrue(admin.calls.isEmpty());
  }

  @Test
  void aRemoteCallerIsRefusedBeforeAnythingElse() throws IOException {
    AdminCalls.Response response = call(request("POST", "/reset").from("192.0.2.7"));
    assertEquals(403, response.status);
    assertTrue(response.tree().get("error").asText().contains("not a loopback address"));
    assertEquals(403, call(request("GET", "/nothing").from("192.0.2.7")).status, "not even the 404 with the list");
    assertTrue(admin.calls.isEmpty());
  }

  @Test
  void withATokenAnUnauthenticatedCallIs401WithAChallenge() throws IOException {
    AdminRoutes locked = new AdminRoutes(admin, AdminAccess.of("s3cret", java.util.Map.of()), Health.ALWAYS_OK);
    AdminCalls.Response response = new AdminCalls.Response();
    locked.handle(request("POST", "/reset"), response);
    assertEquals(401, response.status);
    assertTrue(response.json);
    assertEquals(AdminAccess.BEARER_CHALLENGE, response.headers.get("WWW-Authenticate"));
    AdminCalls.Response allowed = new AdminCalls.Response();
    locked.handle(request("POST", "/reset").withHeader("Authorization", "Bearer s3cret").from("192.0.2.7"), allowed);
    assertEquals(204, allowed.status);
    assertEquals(List.of("reset"), admin.calls);
  }

  @Test
  void aWriteFromAForeignOriginIs403() throws IOException {
    AdminCalls.Request reset = request("POST", "/reset").withHeader("Host", "127.0.0.1:30005");
    for (String foreign : new String[] {"http://evil.example", "null", "http://127.0.0.1:30006", "https://127.0.0.1:30005",
        "http://127.0.0.1:30005/path"}) {
      AdminCalls.Response response = call(reset.withHeader("Origin", foreign));
      assertEquals(403, response.status, foreign);
      assertTrue(response.tree().get("error").asText().contains("Origin: " + foreign), foreign);
    }
    assertTrue(admin.calls.isEmpty());
    assertEquals(204, call(reset.withHeader("Origin", "http://127.0.0.1:30005")).status, "its own origin");
    assertEquals(200, call(request("GET", "/health").withHeader("Origin", "http://evil.example")).status,
        "reads are not writes (the browser keeps their answers from the page)");
  }

  @Test
  void aWriteWithABodyThatIsNotJsonIs415() throws IOException {
    AdminCalls.Request rule = request("POST", "/faults", "{\"status\":503}");
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
        "application/jsonx", null}) {
      AdminCalls.Response response = call(rule.withHeader("Content-Type", type));
      assertEquals(415, response.status, type);
      assertTrue(response.tree().get("error").asText().contains("application/json"), type);
    }
    assertTrue(admin.faults.isEmpty());
    assertEquals(201, call(rule.withHeader("Content-Type", "Application/JSON; charset=utf-8")).status);
  }

  @Test
  void faultsAreListedAndRemovedOneByOne() throws IOException {
    AdminCalls.Response added = call(request("POST", "/faults", "{\"entitySet\":\"Jobs\",\"status\":503}"));
    assertEquals(201, added.status);
    assertEquals("1", added.tree().get("id").asText());
    assertEquals("Jobs", added.tree().get("entitySet").asText());
    AdminCalls.Response listed = call(request("GET", "/faults"));
    assertEquals(200, listed.status);
    assertEquals(1, listed.tree().get("faults").size());
    assertEquals(503, listed.tree().get("faults").get(0).get("status").asInt());
    assertEquals(204, call(request("DELETE", "/faults/1")).status);
    assertEquals(0, call(request("GET", "/faults")).tree().get("faults").size());
    AdminCalls.Response gone = call(request("DELETE", "/faults/1"));
    assertEquals(404, gone.status);
    assertTrue(gone.tree().get("error").asText().contains("'1'"));
    assertEquals(404, call(request("DELETE", "/faults/")).status, "no ID: no such operation");
  }
}
