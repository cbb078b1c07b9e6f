package dev.spfemu.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The admin API under {@code /_emulator/}, as one table: method and path to the task that answers.
 * Everything the API can do is read here in one place; anything else is a 404 that lists what there
 * is, so a mistyped call tells its author the right one.
 */
public final class AdminRoutes {

  /** The operations, as the 404 for any other call names them. */
  static final String OPERATIONS = "GET health, POST reset, GET and PUT state, GET and DELETE requests,"
      + " GET and PUT clock, POST clock/advance, POST and DELETE faults, POST job-faults";

  private final Map<Route, AdminTask> tasks;

  public AdminRoutes(Admin admin) {
    this(admin, Health.ALWAYS_OK);
  }

  /** @param health what {@code GET health} reports besides "ok" */
  public AdminRoutes(Admin admin, Health health) {
    ObjectMapper mapper = new ObjectMapper();
    this.tasks = Map.ofEntries(
        Map.entry(new Route("GET", "/health"), new HealthTask(health)),
        Map.entry(new Route("POST", "/reset"), new ResetTask(admin)),
        Map.entry(new Route("GET", "/state"), new GetStateTask(admin)),
        Map.entry(new Route("PUT", "/state"), new PutStateTask(admin)),
        Map.entry(new Route("GET", "/requests"), new GetRequestsTask(admin)),
        Map.entry(new Route("DELETE", "/requests"), new ClearRequestsTask(admin)),
        Map.entry(new Route("GET", "/clock"), new GetClockTask(admin)),
        Map.entry(new Route("PUT", "/clock"), new SetClockTask(admin, mapper)),
        Map.entry(new Route("POST", "/clock/advance"), new AdvanceClockTask(admin, mapper)),
        Map.entry(new Route("POST", "/faults"), new AddFaultTask(admin, mapper)),
        Map.entry(new Route("DELETE", "/faults"), new ClearFaultsTask(admin)),
        Map.entry(new Route("POST", "/job-faults"), new FailNextJobsTask(admin, mapper)));
  }

  /** Answers one admin call: its task, or a 404 naming the operations there are. */
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    AdminTask task = tasks.get(new Route(request.method(), request.path()));
    if (task == null) {
      response.error(404, "No admin operation '" + request.method() + " /_emulator" + request.path()
          + "'. There are: " + OPERATIONS + ".");
      return;
    }
    task.handle(request, response);
  }

  /** The routes there are (for tests). */
  Set<Route> routes() {
    return tasks.keySet();
  }

  /**
   * A method and a path after {@code /_emulator}, both compared exactly: there is no 405, a call with
   * the wrong method gets the same 404 with the list as any other.
   */
  record Route(String method, String path) {
  }
}
