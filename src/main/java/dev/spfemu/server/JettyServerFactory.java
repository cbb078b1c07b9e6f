package dev.spfemu.server;

import dev.spfemu.admin.Admin;
import dev.spfemu.admin.AdminAccess;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.live.LiveEvents;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.server.auth.Accounts;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the embedded Jetty server: an HTTP connector, an HTTPS one ({@link HttpsConnectors}), or both, in front of the servlet context that
 * {@link ServerChain} assembles, and OData errors for what Jetty refuses before the context sees it.
 * Jetty's version is not advertised ({@code Server} header off).
 */
final class JettyServerFactory {

  private JettyServerFactory() {
  }

  static Server createServer(Listeners listeners, ODataPipeline pipeline, ODataPipeline adminPipeline,
      Supplier<UUID> ids, RequestJournal journal, LiveEvents live, FaultRules faults, Admin admin, Accounts accounts,
      AdminAccess adminAccess, ServerLimits limits) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("spf-emulator");
    Server server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Empty path segments ("…svc//VirtualMachines", "//{subscription}/services/…") reach the service,
    // which ignores them as WCF Data Services does (ServiceRootPath); Jetty would refuse them as ambiguous.
    http.setUriCompliance(UriCompliance.DEFAULT.with("SPF", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
    if (listeners.httpPort() != null) {
      ServerConnector connector = new ServerConnector(server, -1, selectors(), new HttpConnectionFactory(http));
      connector.setName("http");
      connector.setHost(listeners.host());
      connector.setPort(listeners.httpPort());
      server.addConnector(connector);
    }
    if (listeners.https() != null) {
      server.addConnector(HttpsConnectors.connector(server, http, listeners.host(), listeners.https()));
    }

    server.setHandler(ServerChain.build(pipeline, adminPipeline, ids, journal,
        new EventStreamHandler(live, limits.idleTimeout()), faults, admin, accounts, adminAccess,
        new ServerHealth(threads)));
    server.setErrorHandler(new ODataErrorHandlers.Core(pipeline, ids));
    server.setStopAtShutdown(false);
    limits.applyTo(server, ServerChain.MAX_BODY_BYTES); // last: it wraps the handler and sees every connector
    return server;
  }

  /**
   * One selector (network thread) per core, where Jetty would have one per two: reads are answered on
   * the network thread that read them ({@link NetworkThread}), so these threads do the emulator's work
   * too, not only the network's (docs/performance.md, "Threads").
   */
  static int selectors() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
