package dev.spfemu;

import dev.spfemu.admin.Admin;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.journal.SecretMask;
import dev.spfemu.model.Guids;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.server.EmulatorServer;
import dev.spfemu.server.ServerLimits;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.Vmm;
import dev.spfemu.vmm.spfadmin.SpfAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An SPF VMM emulator: its own models, stores and HTTP server, serving SPF's VMM web service and its
 * Admin web service. Nothing is shared between instances, so several can run in one JVM.
 *
 * <pre>{@code
 * try (SpfEmulator spf = SpfEmulator.builder().dynamicPort().start()) {
 *   String root = spf.serviceRoot("ae122d5f-3aab-4d75-ad48-d6593246a49e");
 *   ...
 * }
 * }</pre>
 */
public final class SpfEmulator implements Admin, AutoCloseable {

  private final EmulatorOptions options;
  private final EmulatorServer server;
  private final Vmm vmm;
  private final SpfAdmin spfAdmin;
  private final StartingWorld world;
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
    // SPF's Admin web service: its own model and store (stamps and tenants are SPF's, not a
    // subscription's), over the same VMM, whose user roles its tenants get
    VmmEdm adminEdm = new VmmEdm(ModelLoader.loadResource(ModelLoader.ADMIN_RESOURCE));
    this.spfAdmin = SpfAdmin.create(adminEdm.model(), new InMemoryEntityStore(), ids, clock, vmm,
        new WorldEntityJson());
    this.world = new StartingWorld(options, vmm, spfAdmin);
    try {
      world.load(null);
    } catch (EmulatorStartException e) {
      vmm.close();
      throw e;
    }
    clock.onChange(catchUpJobs);
    this.journal = new RequestJournal(options.journalSize(), SecretMask.of(
        Stream.concat(edm.model().secretNames().stream(), adminEdm.model().secretNames().stream()).toList()));
    ODataPipeline pipeline = new ODataPipeline(edm, vmm, clock, options.pageSize());
    ODataPipeline adminPipeline = new ODataPipeline(adminEdm, spfAdmin, clock, options.pageSize());
    this.server = new EmulatorServer(options.host(), options.port(), pipeline, adminPipeline, ids::next, journal,
        faults, this, serverLimits(options));
  }

  private static ServerLimits serverLimits(EmulatorOptions options) {
    Limits limits = options.limits();
    return new ServerLimits(limits.idleTimeout(), limits.bodyTimeout(), limits.maxConnections(),
        limits.stopTimeout(), options.accessLog());
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
      throw new EmulatorStartException(StartProblems.cannotListen(options, e), e);
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
    spfAdmin.reset();
    journal.clear();
    faults.clear();
    clock.restore(startingClock);
    world.load(null);
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
    world.load(subscriptionId);
  }

  /**
   * Writes the whole state (every subscription's entities, and the Admin service's) as a world file,
   * the {@code --seed-file} format.
   */
  @Override
  public void exportState(OutputStream out) throws IOException {
    vmm.exportWorld(out, List.of(spfAdmin.worldSection()));
  }

  /**
   * Replaces the whole state with a world file (such as an {@link #exportState} export).
   *
   * @throws IllegalArgumentException when it is not a valid world
   */
  @Override
  public void importState(InputStream in, String source) throws IOException {
    byte[] file = in.readAllBytes();
    vmm.reset();
    spfAdmin.reset();
    world.load(file, source, null);
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

  /** The root of SPF's Admin web service (stamps, servers, tenants), ending with '/'. */
  public String adminServiceRoot() {
    return baseUrl() + "/SC2012R2/Admin/Microsoft.Management.Odata.svc/";
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

  /** Stops serving (requests in flight get the stop timeout to finish), then the domain's job thread. */
  private void stopQuietly() {
    clock.removeListener(catchUpJobs);
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the emulator did not stop cleanly", e);
    } finally {
      vmm.close();
    }
  }

  /** The emulator could not start. */
  public static final class EmulatorStartException extends RuntimeException {
    EmulatorStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
