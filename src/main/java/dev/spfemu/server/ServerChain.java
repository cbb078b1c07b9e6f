package dev.spfemu.server;

import dev.spfemu.admin.Admin;
import dev.spfemu.admin.AdminAccess;
import dev.spfemu.admin.AdminRoutes;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.server.auth.Accounts;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Supplier;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.FilterMapping;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;

/**
 * The servlet context every request goes to, assembled here and nowhere else: the OData servlet with
 * the stages in front of it, in order, and the admin servlet beside them. Each stage is a servlet
 * filter bound to the OData servlet by name, so the admin API never passes through them.
 */
final class ServerChain {

  /** Request bodies above this size are refused with 413 (no SPF entity comes near it). */
  static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private static final String ODATA = "odata";

  private ServerChain() {
  }

  /**
   * @param pipeline the VMM service's pipeline, which also renders the chain's own errors
   * @param adminPipeline the pipeline of SPF's Admin web service
   * @param accounts who may call (none: every root open)
   */
  static ServletContextHandler build(ODataPipeline pipeline, ODataPipeline adminPipeline, Supplier<UUID> ids,
      RequestJournal journal, FaultRules faults, Admin admin, Accounts accounts,
      AdminAccess adminAccess, ServerHealth health) {
    RequestAuthentication authentication = new RequestAuthentication(accounts);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addServlet(new ServletHolder(ODATA, new ODataServlet(pipeline, adminPipeline, MAX_BODY_BYTES)), "/*");
    // The admin API lives where no OData root can: /{subscription}/... and /SC2012R2/... never start
    // with an underscore. It is the test's side channel, so none of the stages below apply to it; it
    // checks its own callers (AdminAccess: a token, users, or this machine only).
    context.addServlet(new ServletHolder("admin", new AdminServlet(new AdminRoutes(admin, adminAccess, health))),
        "/_emulator/*");

    // 1. Real SPF's fixed headers, first: the answers of every later stage carry them (an injected
    //    fault, a 404 off any root, the pipeline's), and their ids are drawn before the pipeline draws
    //    any, so a seeded emulator repeats its ids. (The 500 fallback resets the response, and with it
    //    these headers, as it always has.)
    stage(context, "spf-headers", new SpfHeadersFilter(ids));
    // 2. The journal, outside everything that answers: it records what each later stage answered,
    //    faults and errors included, just before the response completes.
    stage(context, "journal", new JournalFilter(journal));
    // 3. The 500 fallback, inside the journal (the 500 is recorded) and around everything that can fail;
    //    it also notes an OutOfMemoryError for the health check.
    stage(context, "unexpected-failure", new UnexpectedFailureFilter(pipeline, health));
    // 4. Authentication (Basic, NTLM, bearer tokens, client certificates; off while nothing is
    //    configured, but NTLM handshakes are always answered): after the headers and the journal, so a
    //    refusal carries SPF's headers and is recorded; inside the fallback; and before the faults,
    //    which stand for failures behind SPF that an unauthenticated request never reaches.
    stage(context, "authentication", new AuthenticationFilter(authentication, pipeline));
    // 5. Fault injection, last before the servlet: a rule sees the request as the pipeline would, and
    //    an injected error or a dropped connection still passes the journal on the way out.
    stage(context, "faults", new FaultInjectionFilter(faults, pipeline));

    context.setErrorHandler(new ODataErrorHandlers.Servlet(pipeline, ids));
    return context;
  }

  /** Adds {@code filter} after the stages already there, in front of the OData servlet only. */
  private static void stage(ServletContextHandler context, String name, Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setName(name);
    FilterMapping mapping = new FilterMapping();
    mapping.setFilterName(name);
    mapping.setServletName(ODATA);
    mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    context.getServletHandler().addFilter(holder, mapping);
  }
}
