package dev.spfemu;

import dev.spfemu.admin.Admin;
import dev.spfemu.admin.AdminAccess;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.live.LiveEvents;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.server.EmulatorServer;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.vmm.Vmm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger LOG = LoggerFactory.getLogger(SpfEmulator.class);

  private final EmulatorOptions options;
  private final Endpoints endpoints;
  private final EmulatorServer server;
  private final Vmm vmm;
  private final RequestJournal journal;
  private final SettableClock clock;
  private final Runnable catchUpJobs;
  private final FaultRules faults;
  private final AdminAccess adminAccess;
  private final KeptWorld kept;
  private final LiveEvents live;
  private final WorldControl control;

  private SpfEmulator(EmulatorOptions options) {
    this.options = options;
    this.endpoints = Endpoints.of(options); // the certificate first: a bad keystore fails before anything runs
    this.kept = KeptWorld.open(options); // then the data directory's lock: one emulator per directory
    IdGenerator ids = kept.ids();
    this.clock = SettableClock.over(options.clock());
    Domains domains = Domains.create(options, ids, clock, kept::store, kept.units());
    this.vmm = domains.vmm();
    this.faults = new FaultRules(options.limits().maxFaultDelay());
    StartingWorld world = new StartingWorld(options, vmm, domains.spfAdmin());
    this.journal = domains.journal();
    this.live = new LiveEvents(options.limits().maxEventStreams()); // the live page hears of every change
    this.control = new WorldControl(domains, world, kept, clock, journal, faults, live); // the clock as at start
    kept.start(domains, world, clock); // the kept world, or the starting world
    this.catchUpJobs = vmm::catchUpJobs;
    clock.onChange(catchUpJobs);
    clock.onChange(live::changed);
    vmm.onJobProgress(live::changed);
    ODataPipeline pipeline = domains.pipeline();
    ODataPipeline adminPipeline = domains.adminPipeline();
    this.adminAccess = AdminAccess.of(options.credentials().adminToken(), options.credentials().passwords());
    this.server = new EmulatorServer(endpoints.listeners(), pipeline, adminPipeline, ids::next, journal, live,
        faults, this, ServerAccounts.of(options.credentials()), adminAccess,
        options.limits().server(options.accessLog()));
  }

  /** Options with their defaults, ending in {@code start()}: {@code SpfEmulator.builder().dynamicPort().start()}. */
  public static EmulatorOptions.Builder builder() {
    return EmulatorOptions.builder();
  }

  /**
   * An emulator configured by {@code options}, its world loaded, not yet listening.
   *
   * @throws EmulatorStartException if the world, the HTTPS keystore or the client CAs cannot be loaded
   */
  public static SpfEmulator create(EmulatorOptions options) {
    return new SpfEmulator(options);
  }

  /** Starts listening; {@link EmulatorStartException} if a port is in use or the certificate cannot be exported. */
  public SpfEmulator start() {
    endpoints.start(server, this::stopQuietly);
    adminAccess.exposureWarning(options.host(), !options.credentials().configured()).ifPresent(LOG::warn);
    return this;
  }

  /**
   * Back to the starting world (demo, seed file or none; kept in the data directory too): the journal, fault
   * rules and pending job faults emptied, the clock as at start. Cheap enough to call before every test.
   */
  @Override
  public void reset() {
    control.reset();
  }

  /**
   * Back to the starting world for one subscription only: its entities and job history are replaced by its
   * part of the starting world (none if it has none); nothing else changes.
   *
   * @throws IllegalArgumentException if {@code subscriptionId} is not a GUID
   */
  @Override
  public void reset(String subscriptionId) {
    control.reset(subscriptionId);
  }

  /** Writes the whole state (every subscription's entities, and the Admin's) as a world file ({@code --seed-file}). */
  @Override
  public void exportState(OutputStream out) throws IOException {
    control.exportState(out);
  }

  /**
   * Replaces the whole state with a world file (such as an {@link #exportState} export).
   *
   * @throws IllegalArgumentException when it is not a valid world; the state is then left as it was
   */
  @Override
  public void importState(InputStream in, String source) throws IOException {
    control.importState(in, source);
  }

  /** Writes what the live page ({@code /_emulator/ui}) draws: a bounded overview of every subscription. */
  @Override
  public void writeOverview(OutputStream out) throws IOException {
    control.writeOverview(out);
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

  /**
   * Injects a fault into the requests it matches (see {@link FaultRule}); rules are tried in order.
   *
   * @return the rule's ID, for {@link #removeFault}
   * @throws IllegalArgumentException when its delay is above {@link Limits#maxFaultDelay()}
   */
  @Override
  public String addFault(FaultRule rule) {
    String id = faults.add(rule);
    live.changed();
    return id;
  }

  @Override
  public List<FaultRules.Listed> faults() {
    return faults.listed();
  }

  @Override
  public boolean removeFault(String id) {
    boolean removed = faults.remove(id);
    live.changed();
    return removed;
  }

  /** Removes every fault rule; requests waiting in a fault's delay go on at once. */
  @Override
  public void clearFaults() {
    faults.clear();
    live.changed();
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

  /** The plain HTTP port (the real one when started with port 0); without plain HTTP, the HTTPS port. */
  public int port() {
    return options.tls().http() ? server.port() : server.httpsPort();
  }

  /** {@code http://host:port}, without a trailing slash; without plain HTTP, {@link #httpsBaseUrl()}. */
  public String baseUrl() {
    return options.tls().http() ? endpoints.url("http", server.port()) : httpsBaseUrl();
  }

  /** The HTTPS port (the real one when started with port 0), or -1 without HTTPS. */
  public int httpsPort() {
    return server.httpsPort();
  }

  /** {@code https://host:port}, without a trailing slash; an {@link IllegalStateException} without HTTPS. */
  public String httpsBaseUrl() {
    return endpoints.httpsUrl(server.httpsPort());
  }

  /** The certificate HTTPS shows (for a client to trust), or null without HTTPS. */
  public X509Certificate httpsCertificate() {
    return endpoints.certificate();
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

  /** Stops serving (requests in flight get the stop timeout to finish), then the domain's job thread. */
  private void stopQuietly() {
    clock.removeListener(catchUpJobs);
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the emulator did not stop cleanly", e);
    } finally {
      vmm.close();
      kept.close();
    }
  }

  /** The emulator could not start. */
  public static final class EmulatorStartException extends RuntimeException {
    EmulatorStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
