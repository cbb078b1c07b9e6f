package dev.spfemu.cli;

import dev.spfemu.Credentials;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.Limits;
import dev.spfemu.TlsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line, parsed by picocli into {@link EmulatorOptions}. */
@Command(name = "spf-vmm-emulator", mixinStandardHelpOptions = true,
    version = "SPF VMM emulator 0.1.0",
    description = "Serves a System Center SPF VMM OData v3 endpoint at"
        + " http://HOST:PORT/{subscription-id}/services/systemcenter/vmm/")
final class CommandLineOptions {

  @Option(names = "--host", paramLabel = "ADDR",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = EmulatorOptions.DEFAULT_HOST;

  @Option(names = "--port", paramLabel = "N",
      description = "Port to listen on; 0 picks any free port (default: ${DEFAULT-VALUE}).")
  int port = EmulatorOptions.DEFAULT_PORT;

  @Option(names = "--page-size", paramLabel = "N",
      description = "Most entities in one response of a collection; the rest follow its next link"
          + " (default: ${DEFAULT-VALUE}).")
  int pageSize = EmulatorOptions.DEFAULT_PAGE_SIZE;

  @Option(names = "--no-seed", description = "Start with no entities at all instead of the demo world.")
  boolean noSeed;

  @Option(names = "--seed-file", paramLabel = "FILE",
      description = "Start with the world in FILE (see docs/scenario.md) instead of the demo world.")
  Path seedFile;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep the world in DIR (created if missing): every change is on disk before it is"
          + " acknowledged, and a restart, even after a crash, goes on from the last one. A new DIR starts from the"
          + " demo world or --seed-file. The generated HTTPS certificate is kept there too.")
  Path dataDir;

  @Option(names = "--data-dir-truncate-corrupt",
      description = "Start even if the change log in --data-dir is damaged in the middle: cut it at the damage,"
          + " losing the changes after it (default: refuse to start, naming the file and offset).")
  boolean truncateCorruptLog;

  @Option(names = "--job-duration", paramLabel = "MS",
      description = "How long VMM jobs (VM and checkpoint operations) run, in milliseconds (default: 0)."
          + " Requests without RunAsynchronously wait for their job.")
  long jobDurationMillis;

  @Option(names = "--journal-size", paramLabel = "N",
      description = "How many recent requests the request journal keeps, at most "
          + EmulatorOptions.MAX_JOURNAL_SIZE + "; 0 turns it off (default: ${DEFAULT-VALUE}).")
  int journalSize = EmulatorOptions.DEFAULT_JOURNAL_SIZE;

  @Option(names = "--https-port", paramLabel = "N",
      description = "Also serve HTTPS on port N; 0 picks any free port (default: no HTTPS).")
  Integer httpsPort;

  @Option(names = "--no-http", description = "Serve HTTPS only (needs --https-port).")
  boolean noHttp;

  @Option(names = "--tls-keystore", paramLabel = "FILE",
      description = "A PKCS#12 keystore with the key and certificate HTTPS shows (default: one generated at start).")
  Path tlsKeystore;

  @Option(names = "--tls-password", paramLabel = "PASSWORD", description = "The password of --tls-keystore.")
  String tlsPassword;

  @Option(names = "--tls-san", paramLabel = "NAME",
      description = "One more name (DNS name or IP address) in the generated certificate; repeatable.")
  List<String> tlsSans = new ArrayList<>();

  @Option(names = "--export-cert", paramLabel = "FILE",
      description = "Write the certificate HTTPS shows to FILE (PEM), to trust it in a client.")
  Path exportCert;

  @Option(names = "--user", paramLabel = "NAME:PASSWORD",
      description = "A user for HTTP Basic and NTLM; repeatable. Any credential makes the SPF roots require one.")
  List<String> users = new ArrayList<>();

  @Option(names = "--users", paramLabel = "FILE", description = "Users from FILE, one NAME:PASSWORD per line.")
  Path usersFile;

  @Option(names = "--token", paramLabel = "TOKEN[=SUBSCRIPTION,...]",
      description = "A bearer token for the tenant roots, of the listed subscriptions or any; repeatable.")
  List<String> tokens = new ArrayList<>();

  @Option(names = "--client-ca", paramLabel = "FILE",
      description = "PEM bundle: HTTPS asks for a client certificate that chains to it (tenant roots).")
  Path clientCa;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "The bearer token the admin API (/_emulator/) requires.")
  String adminToken;

  @Option(names = "--journal-body-bytes", paramLabel = "N",
      description = "The most bytes of one body the request journal keeps (default: ${DEFAULT-VALUE}).")
  int journalBodyBytes = Limits.DEFAULT_JOURNAL_BODY_BYTES;

  @Option(names = "--max-fault-delay", paramLabel = "SECONDS",
      description = "The longest delay a fault rule may ask for (default: ${DEFAULT-VALUE}).")
  long maxFaultDelaySeconds = Limits.DEFAULT_MAX_FAULT_DELAY.toSeconds();

  @Option(names = "--max-batch-parts", paramLabel = "N",
      description = "The most operations one $batch may hold (default: ${DEFAULT-VALUE}).")
  int maxBatchParts = Limits.DEFAULT_BATCH_PARTS;

  @Option(names = "--max-expression-length", paramLabel = "N",
      description = "The longest $filter or $orderby, in characters (default: ${DEFAULT-VALUE}).")
  int maxExpressionLength = Limits.DEFAULT_EXPRESSION_LENGTH;

  @Option(names = "--max-expression-depth", paramLabel = "N",
      description = "The deepest nesting of parentheses and unary operators in a $filter or $orderby"
          + " (default: ${DEFAULT-VALUE}).")
  int maxExpressionDepth = Limits.DEFAULT_EXPRESSION_DEPTH;

  @Option(names = "--max-entities-per-subscription", paramLabel = "N",
      description = "The most entities one subscription may hold; a create beyond is refused (default: ${DEFAULT-VALUE}).")
  int maxEntitiesPerSubscription = Limits.DEFAULT_ENTITIES_PER_SUBSCRIPTION;

  @Option(names = "--idle-timeout", paramLabel = "MS",
      description = "Close a connection that sends and reads nothing this long, in milliseconds (default: 30000).")
  long idleTimeoutMillis = Limits.DEFAULT_IDLE_TIMEOUT.toMillis();

  @Option(names = "--body-timeout", paramLabel = "MS",
      description = "Answer 408 to a request whose body is not all there after this long, in milliseconds"
          + " (default: 30000).")
  long bodyTimeoutMillis = Limits.DEFAULT_BODY_TIMEOUT.toMillis();

  @Option(names = "--max-connections", paramLabel = "N",
      description = "Most connections open at once; more wait to be accepted (default: ${DEFAULT-VALUE}).")
  int maxConnections = Limits.DEFAULT_MAX_CONNECTIONS;

  @Option(names = "--stop-timeout", paramLabel = "MS",
      description = "On SIGTERM or Ctrl-C, how long requests in flight get to finish, in milliseconds (default: 10000).")
  long stopTimeoutMillis = Limits.DEFAULT_STOP_TIMEOUT.toMillis();

  @Option(names = "--max-log-bytes", paramLabel = "BYTES",
      description = "With --data-dir: fold the change log into a new snapshot once it holds BYTES and as much as"
          + " the last snapshot (default: ${DEFAULT-VALUE}); bounds its disk use and the time a restart replays it.")
  long maxLogBytes = Limits.DEFAULT_MAX_LOG_BYTES;

  @Option(names = {"--access-log", "--verbose"},
      description = "Log one line per request (method, path, status, ms, bytes, request id, subscription, principal).")
  boolean accessLog;

  EmulatorOptions toOptions() {
    TlsOptions tls = TlsOptions.httpOnly();
    if (httpsPort != null) {
      tls = tls.withHttpsPort(httpsPort);
    }
    if (noHttp) {
      tls = tls.withoutHttp();
    }
    if (tlsKeystore != null) {
      tls = tls.withKeystore(tlsKeystore, tlsPassword);
    } else if (tlsPassword != null) {
      throw new IllegalArgumentException("--tls-password is the password of --tls-keystore, which is not given");
    }
    for (String san : tlsSans) {
      tls = tls.withSubjectAlternativeName(san);
    }
    if (exportCert != null) {
      tls = tls.withExportedCertificate(exportCert);
    }
    return EmulatorOptions.builder().host(host).port(port).pageSize(pageSize).seed(!noSeed).seedFile(seedFile)
        .jobDuration(Duration.ofMillis(jobDurationMillis)).journalSize(journalSize)
        .tls(tls).credentials(credentials()).limits(limits())
        .accessLog(accessLog).dataDir(dataDir).truncateCorruptLog(truncateCorruptLog).build();
  }

  private Limits limits() {
    return Limits.defaults().withJournalBodyBytes(journalBodyBytes).withBatchParts(maxBatchParts)
        .withExpressionLength(maxExpressionLength).withExpressionDepth(maxExpressionDepth)
        .withEntitiesPerSubscription(maxEntitiesPerSubscription)
        .withMaxFaultDelay(Duration.ofSeconds(maxFaultDelaySeconds))
        .withIdleTimeout(Duration.ofMillis(idleTimeoutMillis)).withBodyTimeout(Duration.ofMillis(bodyTimeoutMillis))
        .withMaxConnections(maxConnections).withStopTimeout(Duration.ofMillis(stopTimeoutMillis))
        .withMaxLogBytes(maxLogBytes);
  }

  private Credentials credentials() {
    Credentials credentials = Credentials.none();
    List<String> all = new ArrayList<>(users);
    if (usersFile != null) {
      for (String line : readLines(usersFile, "users file", "one NAME:PASSWORD per line")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          all.add(line.strip());
        }
      }
    }
    for (String user : all) {
      credentials = credentials.withUser(Credentials.User.parse(user));
    }
    for (String token : tokens) {
      credentials = credentials.withToken(Credentials.Token.parse(token));
    }
    if (clientCa != null) {
      credentials = credentials.withClientCa(clientCa);
    }
    if (adminToken != null) {
      credentials = credentials.withAdminToken(adminToken);
    }
    return credentials;
  }

  /**
   * The lines of a file a flag names, or a {@link FileProblem} saying what is wrong with it. A FIFO or
   * device is refused before it is opened: reading one would wait for a writer.
   */
  static List<String> readLines(Path file, String what, String format) {
    String problem = null;
    if (Files.isDirectory(file)) {
      problem = "is a directory; give the file itself";
    } else if (!Files.exists(file)) {
      problem = "was not found; check the path (relative to " + Path.of("").toAbsolutePath() + ")";
    } else if (!Files.isRegularFile(file)) {
      problem = "is not a regular file (a FIFO, device or socket); give a regular file";
    }
    if (problem == null) {
      try {
        return Files.readAllLines(file);
      } catch (IOException e) {
        problem = "cannot be read (" + e + "); make it readable by the user running the emulator";
      }
    }
    throw new FileProblem("The " + what + " " + file + " " + problem + ". It holds " + format + ".");
  }

  /** A file a flag names cannot be used: the emulator cannot start (exit code 1, no usage). */
  static final class FileProblem extends RuntimeException {
    FileProblem(String message) {
      super(message);
    }
  }
}
