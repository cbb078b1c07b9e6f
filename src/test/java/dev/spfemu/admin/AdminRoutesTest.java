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
      + " requests, GET and PUT clock, POST clock/advance, POST and DELETE faults, POST job-faults.";

  private final FakeAdmin admin = new FakeAdmin();
  private final AdminRoutes routes = new AdminRoutes(admin);

  private AdminCalls.Response call(AdminCalls.Request request) throws IOException {
    AdminCalls.Response response = new AdminCalls.Response();
    routes.handle(request, response);
    return response;
  }

  @Test
  void theTableHoldsTheTwelveOperations() {
    assertEquals(Set.of(new Route("GET", "/health"), new Route("POST", "/reset"), new Route("GET", "/state"),
        new Route("PUT", "/state"), new Route("GET", "/requests"), new Route("DELETE", "/requests"),
        new Route("GET", "/clock"), new Route("PUT", "/clock"), new Route("POST", "/clock/advance"),
        new Route("POST", "/faults"), new Route("DELETE", "/faults"), new Route("POST", "/job-faults")),
        routes.routes());
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
}
