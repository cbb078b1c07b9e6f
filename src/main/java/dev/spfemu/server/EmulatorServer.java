package dev.spfemu.server;

import dev.spfemu.admin.Admin;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.odata.processor.ODataPipeline;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The HTTP side of an emulator: a Jetty server in front of the OData pipeline. Keeps Jetty out of the facade. */
public final class EmulatorServer {

  private final Server server;

  /**
   * @param pipeline the VMM service's pipeline
   * @param adminPipeline the pipeline of SPF's Admin web service
   */
  public EmulatorServer(String host, int port, ODataPipeline pipeline, ODataPipeline adminPipeline,
      Supplier<UUID> ids, RequestJournal journal, FaultRules faults, Admin admin, ServerLimits limits) {
    this.server = JettyServerFactory.createServer(host, port, pipeline, adminPipeline, ids, journal, faults, admin,
        limits);
  }

  /** Binds the port and starts serving; throws what Jetty throws (e.g. the port is in use). */
  public void start() throws Exception {
    server.start();
  }

  /** The bound port; the real one after binding port 0. */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  public void stop() throws Exception {
    server.stop();
  }
}
