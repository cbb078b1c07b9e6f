package dev.spfemu;

import dev.spfemu.admin.Admin;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.model.Guids;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.server.EmulatorServer;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.Vmm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * An SPF VMM emulator: its own model, store and HTTP server. Nothing is shared between
 * instances, so several can run in one JVM.
 *
 * <pre>{@code
 * try (SpfEmulator spf = SpfEmulator.builder().dynamicPort().start()) {
 *   String root = spf.serviceRoot("ae122d5f-3aab-4d75-ad48-d6593246a49e");
 *   ...
 * }
 * }</pre>
 */
public final class SpfEmulator implements Admin, AutoCloseable {

  /** The built-in demo world (docs/scenario.md). */
  private static final String DEMO_WORLD = "/dev/spfemu/world/demo-world.json";

  private final EmulatorOptions options;
  private final EmulatorServer server;
  private final Vmm vmm;
  private final RequestJournal journal;
  private final SettableClock clock;
  private final SettableClock.Setting startingClock;
  private final Runnable catchUpJobs = this::catchUpJobs;
  private final FaultRules faults = new FaultRules();

  private SpfEmulator(EmulatorOptions options) {
    this.options = options;
    IdGenerator ids = options.idSeed() == null ? IdGenerator.random() : IdGenerator.seeded(options.idSeed());
    this.clock = SettableClock.over(options.clock());
    this.startingClock = clock.setting();
    VmmEdm edm = VmmEdm.loadDefault();
    this.vmm = Vmm.create(edm.model(), new InMemoryEntityStore(), ids, clock, options.jobDuration(),
        new WorldEntityJson());
    try {
      loadWorld(vmm, options, null);
    } catch (EmulatorStartException e) {
      vmm.close();
      throw e;
    }
    clock.onChange(catchUpJobs);
    this.journal = new RequestJournal(options.journalSize());
    ODataPipeline pipeline = new ODataPipeline(edm, vmm, clock, options.pageSize());
    this.server = new EmulatorServer(options.host(), options.port(), pipeline, ids::next, journal, faults, this);
  }

  /**
   * The starting world: none, the built-in demo world, or the options' seed file; all of it, or
   * only subscription {@code only}'s part when that is not null.
   */
  private static void loadWorld(Vmm vmm, EmulatorOptions options, String only) {
    if (!options.seed()) {
      return;
    }
    try {
      if (options.seedFile() != null) {
        try (InputStream in = Files.newInputStream(options.seedFile())) {
          vmm.loadWorld(in, options.seedFile().toString(), only);
        }
      } else {
        try (InputStream in = SpfEmulator.class.getResourceAsStream(DEMO_WORLD)) {
          vmm.loadWorld(in, "the demo world", only);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new EmulatorStartException("Cannot load the starting world: " + e.getMessage(), e);
    }
  }

  /** Options with their defaults, ending in {@code start()}: {@code SpfEmulator.builder().dynamicPort().start()}. */
  public static EmulatorOptions.Builder builder() {
    return EmulatorOptions.builder();
  }

  /**
   * An emulator configured by {@code options}, its world loaded, not yet listening.
   *
   * @throws EmulatorStartException if the world cannot be loaded
   */
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

  /**
   * Back to the starting world: every entity created since start is forgotten, the world (demo,
   * seed file or none) is loaded again, the request journal, the fault rules and pending job faults
   * are emptied, and the clock is set back to how it was at start.
   * Cheap enough to call before every test.
   */
  @Override
  public void reset() {
    vmm.reset();
    journal.clear();
    faults.clear();
    clock.restore(startingClock);
    loadWorld(vmm, options, null);
  }

  /**
   * Back to the starting world for one subscription only: its entities and job history are
   * replaced by its part of the starting world (none if the world has no such subscription).
   * Other subscriptions, the journal, fault rules, job faults and the clock are left alone.
   *
   * @throws IllegalArgumentException if {@code subscriptionId} is not a GUID
   */
  @Override
  public void reset(String subscriptionId) {
    if (subscriptionId == null || !Guids.isGuid(subscriptionId)) {
      throw new IllegalArgumentException("A subscription ID is a GUID, such as "
          + "ae122d5f-3aab-4d75-ad48-d6593246a49e; got '" + subscriptionId + "'.");
    }
    vmm.reset(subscriptionId);
    loadWorld(vmm, options, subscriptionId);
  }

  /** Writes the whole state (every subscription's entities) as a world file, the {@code --seed-file} format. */
  @Override
  public void exportState(OutputStream out) throws IOException {
    vmm.exportWorld(out);
  }

  /**
   * Replaces the whole state with a world file (such as an {@link #exportState} export).
   *
   * @throws IllegalArgumentException when it is not a valid world
   */
  @Override
  public void importState(InputStream in, String source) throws IOException {
    vmm.reset();
    vmm.loadWorld(in, source, null);
  }

  /** The requests answered most recently (up to the journal size), oldest first. */
  @Override
  public List<RecordedRequest> requests() {
    return journal.requests();
  }

  /** The recent requests that match {@code filter}, oldest first. */
  public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
    return journal.requests(filter);
  }

  /** The recent requests with this method to this entity set, oldest first. */
  public List<RecordedRequest> requests(String method, String entitySet) {
    return journal.requests(r -> r.method().equalsIgnoreCase(method) && entitySet.equals(r.entitySet()));
  }

  /** Injects a fault into the requests it matches (see {@link FaultRule}); rules are tried in order. */
  @Override
  public void addFault(FaultRule rule) {
    faults.add(rule);
  }

  /** Removes every fault rule. */
  @Override
  public void clearFaults() {
    faults.clear();
  }

  /** Empties the request journal. */
  @Override
  public void clearRequests() {
    journal.clear();
  }

  /** The emulator's clock, which a test can fix, advance or shift (see {@link SettableClock}). */
  public SettableClock clock() {
    return clock;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void fixClock(Instant instant) {
    clock.fix(instant);
  }

  @Override
  public void advanceClock(Duration duration) {
    clock.advance(duration);
  }

  @Override
  public void offsetClock(Duration offset) {
    clock.offset(offset);
  }

  @Override
  public void failNextJobs(String cmdlet, int count, String code, String problem) {
    vmm.failNextJobs(cmdlet, count, code, problem);
  }

  /** The options this emulator runs with. */
  public EmulatorOptions options() {
    return options;
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

  private void catchUpJobs() {
    vmm.catchUpJobs();
  }

  private void stopQuietly() {
    clock.removeListener(catchUpJobs);
    vmm.close();
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
