package dev.spfemu.admin;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin API under {@code /_emulator/}, as one table: method and path to the task that answers.
 * Everything the API can do is read here in one place; anything else is a 404 that lists what there
 * is, so a mistyped call tells its author the right one. Before any task, every call passes the
 * same checks, in this order: who calls ({@link AdminAccess}: 401, 403), from which origin, and with
 * what body ({@link CrossSiteGuard}: 403, 415).
 */
public final class AdminRoutes {

  /** The operations, as the 404 for any other call names them. */
  static final String OPERATIONS = "GET health, POST reset, GET and PUT state, GET and DELETE requests,"
      + " GET and PUT clock, POST clock/advance, GET, POST and DELETE faults, DELETE faults/{id},"
      + " POST job-faults, GET overview, GET events, GET ui (the live page)";
  /** The live page's event stream, which the server answers itself (it stays open) once {@link #admits} it. */
  public static final String EVENTS = "/events";

  private final Map<Route, AdminTask> tasks;
  private final AdminTask removeFault;
  private final AdminAccess access;

  /** The routes, for callers on this machine only. */
  public AdminRoutes(Admin admin) {
    this(admin, AdminAccess.loopbackOnly(), Health.ALWAYS_OK);
  }

  /**
   * @param access who may call
   * @param health what {@code GET health} reports besides "ok"
   */
  public AdminRoutes(Admin admin, AdminAccess access, Health health) {
    this.access = access;
    BodyMapper mapper = new BodyMapper(); // built by the first call with a body, not at start
    this.removeFault = new RemoveFaultTask(admin);
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
        Map.entry(new Route("GET", "/faults"), new ListFaultsTask(admin)),
        Map.entry(new Route("POST", "/faults"), new AddFaultTask(admin, mapper)),
        Map.entry(new Route("DELETE", "/faults"), new ClearFaultsTask(admin)),
        Map.entry(new Route("POST", "/job-faults"), new FailNextJobsTask(admin, mapper)),
        Map.entry(new Route("GET", "/overview"), new OverviewTask(admin)),
        Map.entry(new Route("GET", "/ui"), UiTask.PAGE),
        Map.entry(new Route("GET", "/ui/"), UiTask.PAGE),
        Map.entry(new Route("GET", "/ui/app.js"), UiTask.SCRIPT),
        Map.entry(new Route("GET", "/ui/app.css"), UiTask.STYLE));
  }

  /** Answers one admin call: a refusal, its task, or a 404 naming the operations there are. */
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    if (!admits(request, response)) {
      return;
    }
    AdminTask task = task(request);
    if (task == null) {
      response.error(404, "No admin operation '" + request.method() + " /_emulator" + request.path()
          + "'. There are: " + OPERATIONS + ".");
      return;
    }
    Optional<AdminAccess.Refusal> notJson = CrossSiteGuard.notJson(request);
    if (notJson.isPresent()) {
      refuse(notJson.get(), response);
      return;
    }
    task.handle(request, response);
  }

  /**
   * Whether the caller may call the admin API at all (who calls, from which origin), as every operation
   * checks first; when not, the refusal is answered on {@code response}.
   */
  public boolean admits(AdminRequest request, AdminResponse response) throws IOException {
    boolean page = task(request) == UiTask.PAGE;
    Optional<AdminAccess.Refusal> refusal = access.check(request.header("Authorization"), request.remoteAddress(),
            page)
        .or(() -> CrossSiteGuard.reboundHost(request, access))
        .or(() -> CrossSiteGuard.foreignOrigin(request));
    if (refusal.isPresent()) {
      refuse(refusal.get(), response);
      return false;
    }
    return true;
  }

  private AdminTask task(AdminRequest request) {
    AdminTask task = tasks.get(new Route(request.method(), request.path()));
    if (task == null && request.method().equals("DELETE") && request.path().startsWith(RemoveFaultTask.PREFIX)
        && request.path().length() > RemoveFaultTask.PREFIX.length()) {
      return removeFault;
    }
    return task;
  }

  private static void refuse(AdminAccess.Refusal refusal, AdminResponse response) throws IOException {
    if (refusal.challenge() != null) {
      response.header("WWW-Authenticate", refusal.challenge());
    }
    response.error(refusal.status(), refusal.message());
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
