package dev.spfemu;

import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.server.EmulatorServer;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import java.time.Clock;

/**
 * An SPF VMM emulator: its own model, store and HTTP server. Nothing is shared between
 * instances, so several can run in one JVM.
 *
 * <pre>{@code
 * try (SpfEmulator spf = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().build()).start()) {
 *   String root = spf.serviceRoot("ae122d5f-3aab-4d75-ad48-d6593246a49e");
 *   ...
 * }
 * }</pre>
 */
public final class SpfEmulator implements AutoCloseable {

  private final EmulatorOptions options;
  private final EmulatorServer server;

  private SpfEmulator(EmulatorOptions options) {
    this.options = options;
    IdGenerator ids = IdGenerator.random();
    ODataPipeline pipeline = new ODataPipeline(VmmEdm.loadDefault(), new InMemoryEntityStore(), ids,
        Clock.systemUTC(), options.pageSize());
    this.server = new EmulatorServer(options.host(), options.port(), pipeline, ids);
  }

  /** An emulator configured by {@code options}, not yet listening. */
  public static SpfEmulator create(EmulatorOptions options) {
    return new SpfEmulator(options);
  }

  /**
   * Starts listening.
   *
   * @throws EmulatorStartException if the server cannot start (for example, the port is in use)
   */
  public SpfEmulator start() {
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      throw new EmulatorStartException("Cannot start the SPF VMM emulator on " + options.host() + ":"
          + options.port() + " (" + e.getMessage() + "). Is the port in use? Try --port 0 for any free port.", e);
    }
    return this;
  }

  /** The port the emulator listens on (the real one when started with port 0). */
  public int port() {
    return server.port();
  }

  /** {@code http://host:port}, without a trailing slash. */
  public String baseUrl() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return "http://" + host + ":" + port();
  }

  /** The VMM service root of a subscription, ending with '/'. */
  public String serviceRoot(String subscriptionId) {
    return baseUrl() + "/" + subscriptionId + "/services/systemcenter/vmm/";
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the emulator did not stop cleanly", e);
    }
  }

  /** The emulator could not start. */
  public static final class EmulatorStartException extends RuntimeException {
    EmulatorStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
