package dev.spfemu;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that configures an emulator, with named defaults. The command line and the Java API
 * produce this same type.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param pageSize the most entities one response of a collection holds; the rest follow its next link
 * @param seed whether to start with a world: the built-in demo world, or {@code seedFile}
 * @param seedFile a world file to start with instead of the demo world (docs/scenario.md), or null
 * @param jobDuration how long a VMM job (VM and checkpoint operations) runs before it completes
 * @param journalSize how many recent requests the request journal keeps; 0 turns it off
 * @param clock the clock of every timestamp (a {@link SettableClock} makes them repeatable)
 * @param idSeed a seed for the GUIDs the emulator assigns, so that runs repeat; null for random ones
 * @param tls plain HTTP and/or HTTPS, and the certificate HTTPS shows
 * @param credentials who may call (nothing configured: every root open)
 * @param limits what bounds memory and work whatever clients send
 * @param accessLog whether one line per request is logged (method, path, status, time, …)
 * @param dataDir where the emulator keeps what must survive a restart (the world, every acknowledged change,
 *     the generated HTTPS certificate), or null to keep nothing (docs/operations.md, "The data directory")
 * @param truncateCorruptLog whether a change log damaged in the middle is cut at the damage (the changes after it
 *     are lost) instead of stopping the start with an error naming the file and offset
 */
public record EmulatorOptions(String host, int port, int pageSize, boolean seed, Path seedFile,
    Duration jobDuration, int journalSize, Clock clock, Long idSeed, TlsOptions tls, Credentials credentials,
    Limits limits, boolean accessLog, Path dataDir, boolean truncateCorruptLog) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 30005;
  /** Port 0: let the operating system pick a free port (what tests want). */
  public static final int DYNAMIC_PORT = 0;
  /** Server-driven paging: WCF Data Services' usual page size for SPF's collections. */
  public static final int DEFAULT_PAGE_SIZE = 1000;
  /**
   * Jobs complete at once unless told otherwise: a request that waits for its job (no
   * RunAsynchronously) then answers as fast as any other.
   */
  public static final Duration DEFAULT_JOB_DURATION = Duration.ZERO;
  /** The request journal keeps the last thousand requests. */
  public static final int DEFAULT_JOURNAL_SIZE = 1000;
  /**
   * The journal keeps at most this many requests: with each body capped (Limits.journalBodyBytes),
   * its memory has an upper bound however it is configured.
   */
  public static final int MAX_JOURNAL_SIZE = 100_000;

  public EmulatorOptions {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    Objects.requireNonNull(jobDuration, "jobDuration");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(limits, "limits");
    tls.requireHttpsForTlsSettings(credentials.clientCa() != null);
    if (jobDuration.isNegative()) {
      throw new IllegalArgumentException("job duration cannot be negative");
    }
    if (journalSize < 0 || journalSize > MAX_JOURNAL_SIZE) {
      throw new IllegalArgumentException("The journal size (--journal-size) must be between 0 and "
          + MAX_JOURNAL_SIZE + ", not " + journalSize + ". Lower it, or clear the journal more often.");
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, not " + pageSize);
    }
  }

  public static EmulatorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A fluent builder starting from the defaults. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private boolean seed = true;
    private Path seedFile;
    private Duration jobDuration = DEFAULT_JOB_DURATION;
    private int journalSize = DEFAULT_JOURNAL_SIZE;
    private Clock clock = Clock.systemUTC();
    private Long idSeed;
    private TlsOptions tls = TlsOptions.httpOnly();
    private Credentials credentials = Credentials.none();
    private Limits limits = Limits.defaults();
    private boolean accessLog;
    private Path dataDir;
    private boolean truncateCorruptLog;

    private Builder() {
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Listen on any free port; read it back with {@link SpfEmulator#port()}. */
    public Builder dynamicPort() {
      return port(DYNAMIC_PORT);
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** Start empty (false) or with a world (true, the default: the demo world unless a seed file is set). */
    public Builder seed(boolean seed) {
      this.seed = seed;
      return this;
    }

    /** Start with the world in {@code file} instead of the demo world. */
    public Builder seedFile(Path file) {
      this.seedFile = file;
      return this;
    }

    /** How long VMM jobs run; requests without RunAsynchronously wait for them. */
    public Builder jobDuration(Duration jobDuration) {
      this.jobDuration = jobDuration;
      return this;
    }

    /** How many recent requests {@link SpfEmulator#requests()} keeps; 0 turns the journal off. */
    public Builder journalSize(int journalSize) {
      this.journalSize = journalSize;
      return this;
    }

    /** The clock of every timestamp the emulator writes (default: the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Assign GUIDs from a seeded sequence, the same on every run (default: random). */
    public Builder idSeed(long idSeed) {
      this.idSeed = idSeed;
      return this;
    }

    /** Plain HTTP and/or HTTPS, and the certificate HTTPS shows (default: plain HTTP only). */
    public Builder tls(TlsOptions tls) {
      this.tls = tls;
      return this;
    }

    /** Serve HTTPS too, on {@code port} (0: any free port), with a certificate generated at start. */
    public Builder httpsPort(int port) {
      return tls(tls.withHttpsPort(port));
    }

    /** Who may call (default: nobody needs to authenticate). */
    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** A user of HTTP Basic and NTLM; once any credential is set, the SPF roots require one. */
    public Builder user(String name, String password) {
      return credentials(credentials.withUser(new Credentials.User(name, password)));
    }

    /** A bearer token for the tenant roots of {@code subscriptions} (none: every subscription). */
    public Builder token(String token, String... subscriptions) {
      return credentials(credentials.withToken(new Credentials.Token(token,
          java.util.Arrays.stream(subscriptions).map(s -> s.toLowerCase(java.util.Locale.ROOT))
              .collect(java.util.stream.Collectors.toSet()))));
    }

    /** The bearer token the admin API ({@code /_emulator/}) requires. */
    public Builder adminToken(String token) {
      return credentials(credentials.withAdminToken(token));
    }

    /** What bounds memory and work (default: {@link Limits#defaults()}). */
    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    /** Log one line per request (default: off). */
    public Builder accessLog(boolean accessLog) {
      this.accessLog = accessLog;
      return this;
    }

    /**
     * Keep the world in {@code dir} (created if missing): every change is on disk before it is acknowledged,
     * and a restart, even after a crash, starts where the last acknowledged change left off. The generated
     * HTTPS certificate is kept there too, so clients that trusted it keep trusting it.
     */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /**
     * Cut a change log damaged in the middle at the damage and start (the changes after it are lost), instead
     * of refusing to start (default: refuse, naming the file and offset).
     */
    public Builder truncateCorruptLog(boolean truncate) {
      this.truncateCorruptLog = truncate;
      return this;
    }

    public EmulatorOptions build() {
      return new EmulatorOptions(host, port, pageSize, seed, seedFile, jobDuration, journalSize, clock, idSeed, tls,
          credentials, limits, accessLog, dataDir, truncateCorruptLog);
    }

    /** Builds the options and starts an emulator with them: {@code SpfEmulator.builder()…start()}. */
    public SpfEmulator start() {
      return SpfEmulator.create(build()).start();
    }
  }
}
