package dev.spfemu.server;

import dev.spfemu.admin.Admin;
import dev.spfemu.admin.AdminAccess;
import dev.spfemu.admin.AdminRoutes;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.server.auth.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;

/**
 * What every request goes to, assembled here and nowhere else: the OData chain (the stages in order,
 * then the pipeline) and beside it the admin API, which never passes through the stages; both on
 * Jetty's core API.
 */
final class ServerChain {

  /** Request bodies above this size are refused with 413 (no SPF entity comes near it). */
  static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private ServerChain() {
  }

  /**
   * @param pipeline the VMM service's pipeline, which also renders the chain's own errors
   * @param adminPipeline the pipeline of SPF's Admin web service
   * @param accounts who may call (none: every root open)
   */
  static Handler build(ODataPipeline pipeline, ODataPipeline adminPipeline, Supplier<UUID> ids,
      RequestJournal journal, EventStreamHandler events, FaultRules faults, Admin admin, Accounts accounts,
      AdminAccess adminAccess, ServerHealth health) {
    return build(pipeline, adminPipeline, ids, journal, events, faults, admin, accounts, adminAccess, health,
        List.of());
  }

  /** The same with {@code extra} stages just before the pipeline (for tests that must provoke what no client can). */
  static Handler build(ODataPipeline pipeline, ODataPipeline adminPipeline, Supplier<UUID> ids,
      RequestJournal journal, EventStreamHandler events, FaultRules faults, Admin admin, Accounts accounts,
      AdminAccess adminAccess, ServerHealth health, List<Stage> extra) {
    List<Stage> stages = new ArrayList<>();
    // 1. Real SPF's fixed headers, first: the answers of every later stage carry them (an injected
    //    fault, a 404 off any root, the pipeline's), and their ids are drawn before the pipeline draws
    //    any, so a seeded emulator repeats its ids. (The 500 fallback resets the response, and with it
    //    these headers, as it always has.)
    stages.add(new SpfHeaders(ids));
    // 2. The journal, outside everything that answers: it records what each later stage answered,
    //    faults and errors included, just before the response completes; and tells the live page.
    stages.add(new JournalStage(journal, events.live()));
    // 3. The 500 fallback, inside the journal (the 500 is recorded) and around everything that can fail;
    //    it also notes an OutOfMemoryError for the health check.
    stages.add(new UnexpectedFailureStage(pipeline, health));
    // 4. Authentication (Basic, NTLM, bearer tokens, client certificates; off while nothing is
    //    configured, but NTLM handshakes are always answered): after the headers and the journal, so a
    //    refusal carries SPF's headers and is recorded; inside the fallback; and before the faults,
    //    which stand for failures behind SPF that an unauthenticated request never reaches.
    stages.add(new AuthenticationStage(new RequestAuthentication(accounts), pipeline));
    // 5. Fault injection, last before the pipeline: a rule sees the request as the pipeline would, and
    //    an injected error or a dropped connection still passes the journal on the way out.
    stages.add(new FaultStage(faults, pipeline));
    stages.addAll(extra);
    // 6. The service root, the body and the pipeline of the root's web service.
    stages.add(new ODataDispatch(pipeline, adminPipeline, MAX_BODY_BYTES));

    // The admin API lives where no OData root can: /{subscription}/... and /SC2012R2/... never start
    // with an underscore. It is the test's side channel, so none of the stages apply to it; it checks
    // its own callers (AdminAccess: a token, users, or this machine only).
    return new AdminOrOData(new AdminHandler(new AdminRoutes(admin, adminAccess, health), events), new StageChain(stages,
        new NetworkThread(faults)));
  }
}
