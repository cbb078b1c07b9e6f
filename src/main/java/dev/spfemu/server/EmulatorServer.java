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
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The HTTP side of an emulator: a Jetty server in front of the OData pipeline. Keeps Jetty out of the facade. */
public final class EmulatorServer {

  private final Server server;
  private final LiveEvents live;

  /**
   * @param pipeline the VMM service's pipeline
   * @param adminPipeline the pipeline of SPF's Admin web service
   * @param accounts who may call (none: every root open)
   * @param adminAccess who may call the admin API
   * @param live the live page's events, whose streams this server serves and ends when it stops
   */
  public EmulatorServer(Listeners listeners, ODataPipeline pipeline, ODataPipeline adminPipeline,
      Supplier<UUID> ids, RequestJournal journal, LiveEvents live, FaultRules faults, Admin admin, Accounts accounts,
      AdminAccess adminAccess, ServerLimits limits) {
    this.live = live;
    this.server = JettyServerFactory.createServer(listeners, pipeline, adminPipeline, ids, journal, live, faults,
        admin, accounts, adminAccess, limits);
  }

  /** Binds the port and starts serving; throws what Jetty throws (e.g. the port is in use). */
  public void start() throws Exception {
    server.start();
  }

  /** The bound plain HTTP port (the real one after binding port 0), or -1 without plain HTTP. */
  public int port() {
    return port("http");
  }

  /** The bound HTTPS port (the real one after binding port 0), or -1 without HTTPS. */
  public int httpsPort() {
    return port("https");
  }

  private int port(String connector) {
    for (Connector each : server.getConnectors()) {
      if (connector.equals(each.getName())) {
        return ((ServerConnector) each).getLocalPort();
      }
    }
    return -1;
  }

  public void join() throws InterruptedException {
    server.join();
  }

  /** Ends the live page's streams (they would hold a graceful stop for its whole timeout), then stops. */
  public void stop() throws Exception {
    live.close();
    server.stop();
  }
}
