package dev.spfemu.server;

import dev.spfemu.admin.Admin;
import dev.spfemu.admin.AdminRoutes;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.store.IdGenerator;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the embedded Jetty server: one HTTP connector and one servlet context holding the
 * {@link ODataServlet} at the root. Jetty's version is not advertised ({@code Server} header off).
 */
final class JettyServerFactory {

  /** Request bodies above this size are refused with 413 (no SPF entity comes near it). */
  static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private JettyServerFactory() {
  }

  static Server createServer(String host, int port, ODataPipeline pipeline, IdGenerator ids, RequestJournal journal,
      FaultRules faults, Admin admin) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("spf-emulator");
    Server server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addServlet(new ServletHolder("odata", new ODataServlet(pipeline, ids, MAX_BODY_BYTES, journal, faults)), "/*");
    // the admin API lives where no OData root can: /{subscription}/... and /SC2012R2/... never start with an underscore
    context.addServlet(new ServletHolder("admin", new AdminServlet(new AdminRoutes(admin))), "/_emulator/*");
    context.setErrorHandler(new ODataErrorHandlers.Servlet(pipeline, ids));
    server.setHandler(context);
    server.setErrorHandler(new ODataErrorHandlers.Core(pipeline, ids));
    server.setStopAtShutdown(false);
    return server;
  }
}
