package dev.spfemu.cli;

import static dev.spfemu.cli.Arguments.flagOption;
import static dev.spfemu.cli.Arguments.repeatableOption;
import static dev.spfemu.cli.Arguments.valueOption;

import dev.spfemu.Credentials;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.Limits;
import dev.spfemu.TlsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.cli.Options;

/**
 * The command line, parsed with Commons CLI into {@link EmulatorOptions}: {@link #table} is every option,
 * with its description and default; {@link #toOptions} reads them. (Commons CLI, not an annotation-driven
 * parser: its Java 8 class files can be verified quickly and archived for class-data sharing, and it builds
 * its model from this code instead of by reflection, all of which is on the way to the first answer.)
 */
final class CommandLineOptions {

  static final String VERSION = "SPF VMM emulator 0.1.0";

  private final Arguments arguments;

  private CommandLineOptions(Arguments arguments) {
    this.arguments = arguments;
  }

  /**
   * Parses {@code args}: a wrong option or a value of the wrong type is an {@link Arguments.BadCommandLine};
   * a value out of its range is found by {@link #toOptions}.
   */
  static CommandLineOptions parse(String... args) {
    return new CommandLineOptions(Arguments.parse(table(), args));
  }

  boolean helpRequested() {
    return arguments.flag("help");
  }

  boolean versionRequested() {
    return arguments.flag("version");
  }

  /** Prints the usage: what the emulator serves and every option. */
  static void usage(PrintStream out) {
    Arguments.usage(table(), "spf-vmm-emulator [OPTIONS]", "Serves a System Center SPF VMM OData v3 endpoint at"
        + " http://HOST:PORT/{subscription-id}/services/systemcenter/vmm/", out);
  }

  /** The option table, from which both the parser and the usage work. */
  static Options table() {
    return Arguments.helpAndVersion()
        .addOption(valueOption("host", "ADDR", String.class,
            "Address to listen on (default: " + EmulatorOptions.DEFAULT_HOST + ")."))
        .addOption(valueOption("port", "N", Integer.class,
            "Port to listen on; 0 picks any free port (default: " + EmulatorOptions.DEFAULT_PORT + ")."))
        .addOption(valueOption("page-size", "N", Integer.class, "Most entities in one response of a collection;"
            + " the rest follow its next link (default: " + EmulatorOptions.DEFAULT_PAGE_SIZE + ")."))
        .addOption(flagOption("no-seed", "Start with no entities at all instead of the demo world."))
        .addOption(valueOption("seed-file", "FILE", Path.class,
            "Start with the world in FILE (see docs/scenario.md) instead of the demo world."))
        .addOption(valueOption("data-dir", "DIR", Path.class, "Keep the world in DIR (created if missing): every"
            + " change is on disk before it is acknowledged, and a restart, even after a crash, goes on from the last"
            + " one. A new DIR starts from the demo world or --seed-file. The generated HTTPS certificate is kept"
            + " there too."))
        .addOption(flagOption("data-dir-truncate-corrupt", "Start even if the change log in --data-dir is damaged in"
            + " the middle: cut it at the damage, losing the changes after it (default: refuse to start, naming the"
            + " file and offset)."))
        .addOption(valueOption("job-duration", "MS", Long.class, "How long VMM jobs (VM and checkpoint operations)"
            + " run, in milliseconds (default: 0). Requests without RunAsynchronously wait for their job."))
        .addOption(valueOption("journal-size", "N", Integer.class, "How many recent requests the request journal"
            + " keeps, at most " + EmulatorOptions.MAX_JOURNAL_SIZE + "; 0 turns it off (default: "
            + EmulatorOptions.DEFAULT_JOURNAL_SIZE + ")."))
        .addOption(valueOption("https-port", "N", Integer.class,
            "Also serve HTTPS on port N; 0 picks any free port (default: no HTTPS)."))
        .addOption(flagOption("no-http", "Serve HTTPS only (needs --https-port)."))
        .addOption(valueOption("tls-keystore", "FILE", Path.class, "A PKCS#12 keystore with the key and certificate"
            + " HTTPS shows (default: one generated at start)."))
        .addOption(valueOption("tls-password", "PASSWORD", String.class, "The password of --tls-keystore."))
        .addOption(repeatableOption("tls-san", "NAME",
            "One more name (DNS name or IP address) in the generated certificate; repeatable."))
        .addOption(valueOption("export-cert", "FILE", Path.class,
            "Write the certificate HTTPS shows to FILE (PEM), to trust it in a client."))
        .addOption(repeatableOption("user", "NAME:PASSWORD", "A user for HTTP Basic and NTLM; repeatable."
            + " Any credential makes the SPF roots require one."))
        .addOption(valueOption("users", "FILE", Path.class, "Users from FILE, one NAME:PASSWORD per line."))
        .addOption(repeatableOption("token", "TOKEN[=SUBSCRIPTION,...]",
            "A bearer token for the tenant roots, of the listed subscriptions or any; repeatable."))
        .addOption(valueOption("client-ca", "FILE", Path.class,
            "PEM bundle: HTTPS asks for a client certificate that chains to it (tenant roots)."))
        .addOption(valueOption("admin-token", "TOKEN", String.class,
            "The bearer token the admin API (/_emulator/) requires."))
        .addOption(valueOption("journal-body-bytes", "N", Integer.class,
            "The most bytes of one body the request journal keeps (default: " + Limits.DEFAULT_JOURNAL_BODY_BYTES
            + ")."))
        .addOption(valueOption("max-fault-delay", "SECONDS", Long.class,
            "The longest delay a fault rule may ask for (default: " + Limits.DEFAULT_MAX_FAULT_DELAY.toSeconds()
            + ")."))
        .addOption(valueOption("max-batch-parts", "N", Integer.class,
            "The most operations one $batch may hold (default: " + Limits.DEFAULT_BATCH_PARTS + ")."))
        .addOption(valueOption("max-expression-length", "N", Integer.class,
            "The longest $filter or $orderby, in characters (default: " + Limits.DEFAULT_EXPRESSION_LENGTH + ")."))
        .addOption(valueOption("max-expression-depth", "N", Integer.class, "The deepest nesting of parentheses and"
            + " unary operators in a $filter or $orderby (default: " + Limits.DEFAULT_EXPRESSION_DEPTH + ")."))
        .addOption(valueOption("max-entities-per-subscription", "N", Integer.class, "The most entities one"
            + " subscription may hold; a create beyond is refused (default: "
            + Limits.DEFAULT_ENTITIES_PER_SUBSCRIPTION + ")."))
        .addOption(valueOption("idle-timeout", "MS", Long.class, "Close a connection that sends and reads nothing"
            + " this long, in milliseconds (default: " + Limits.DEFAULT_IDLE_TIMEOUT.toMillis() + ")."))
        .addOption(valueOption("body-timeout", "MS", Long.class, "Answer 408 to a request whose body is not all"
            + " there after this long, in milliseconds (default: " + Limits.DEFAULT_BODY_TIMEOUT.toMillis() + ")."))
        .addOption(valueOption("max-connections", "N", Integer.class, "Most connections open at once; more wait to"
            + " be accepted (default: " + Limits.DEFAULT_MAX_CONNECTIONS + ")."))
        .addOption(valueOption("stop-timeout", "MS", Long.class, "On SIGTERM or Ctrl-C, how long requests in flight"
            + " get to finish, in milliseconds (default: " + Limits.DEFAULT_STOP_TIMEOUT.toMillis() + ")."))
        .addOption(valueOption("max-event-streams", "N", Integer.class, "Most live pages (/_emulator/ui) listening"
            + " at once (default: " + Limits.DEFAULT_MAX_EVENT_STREAMS + "; 0: none)."))
        .addOption(valueOption("max-log-bytes", "BYTES", Long.class, "With --data-dir: fold the change log into a"
            + " new snapshot once it holds BYTES and as much as the last snapshot (default: "
            + Limits.DEFAULT_MAX_LOG_BYTES + "); bounds its disk use and the time a restart replays it."))
        .addOption(flagOption("access-log", "Log one line per request (method, path, status, ms, bytes, request"
            + " id, subscription, principal)."))
        .addOption(flagOption("verbose", "The same as --access-log."));
  }

  /** The options asked for; an {@link IllegalArgumentException} says which value is wrong and why. */
  EmulatorOptions toOptions() {
    TlsOptions tls = TlsOptions.httpOnly();
    if (arguments.has("https-port")) {
      tls = tls.withHttpsPort(arguments.integer("https-port", 0));
    }
    if (arguments.flag("no-http")) {
      tls = tls.withoutHttp();
    }
    Path tlsKeystore = arguments.path("tls-keystore");
    String tlsPassword = arguments.text("tls-password", null);
    if (tlsKeystore != null) {
      tls = tls.withKeystore(tlsKeystore, tlsPassword);
    } else if (tlsPassword != null) {
      throw new IllegalArgumentException("--tls-password is the password of --tls-keystore, which is not given");
    }
    for (String san : arguments.all("tls-san")) {
      tls = tls.withSubjectAlternativeName(san);
    }
    if (arguments.has("export-cert")) {
      tls = tls.withExportedCertificate(arguments.path("export-cert"));
    }
    return EmulatorOptions.builder().host(arguments.text("host", EmulatorOptions.DEFAULT_HOST))
        .port(arguments.integer("port", EmulatorOptions.DEFAULT_PORT))
        .pageSize(arguments.integer("page-size", EmulatorOptions.DEFAULT_PAGE_SIZE))
        .seed(!arguments.flag("no-seed")).seedFile(arguments.path("seed-file"))
        .jobDuration(Duration.ofMillis(arguments.number("job-duration", 0)))
        .journalSize(arguments.integer("journal-size", EmulatorOptions.DEFAULT_JOURNAL_SIZE))
        .tls(tls).credentials(credentials()).limits(limits())
        .accessLog(arguments.flag("access-log", "verbose")).dataDir(arguments.path("data-dir"))
        .truncateCorruptLog(arguments.flag("data-dir-truncate-corrupt")).build();
  }

  private Limits limits() {
    return Limits.defaults()
        .withJournalBodyBytes(arguments.integer("journal-body-bytes", Limits.DEFAULT_JOURNAL_BODY_BYTES))
        .withBatchParts(arguments.integer("max-batch-parts", Limits.DEFAULT_BATCH_PARTS))
        .withExpressionLength(arguments.integer("max-expression-length", Limits.DEFAULT_EXPRESSION_LENGTH))
        .withExpressionDepth(arguments.integer("max-expression-depth", Limits.DEFAULT_EXPRESSION_DEPTH))
        .withEntitiesPerSubscription(
            arguments.integer("max-entities-per-subscription", Limits.DEFAULT_ENTITIES_PER_SUBSCRIPTION))
        .withMaxFaultDelay(Duration.ofSeconds(
            arguments.number("max-fault-delay", Limits.DEFAULT_MAX_FAULT_DELAY.toSeconds())))
        .withIdleTimeout(Duration.ofMillis(arguments.number("idle-timeout", Limits.DEFAULT_IDLE_TIMEOUT.toMillis())))
        .withBodyTimeout(Duration.ofMillis(arguments.number("body-timeout", Limits.DEFAULT_BODY_TIMEOUT.toMillis())))
        .withMaxConnections(arguments.integer("max-connections", Limits.DEFAULT_MAX_CONNECTIONS))
        .withStopTimeout(Duration.ofMillis(arguments.number("stop-timeout", Limits.DEFAULT_STOP_TIMEOUT.toMillis())))
        .withMaxLogBytes(arguments.number("max-log-bytes", Limits.DEFAULT_MAX_LOG_BYTES))
        .withMaxEventStreams(arguments.integer("max-event-streams", Limits.DEFAULT_MAX_EVENT_STREAMS));
  }

  private Credentials credentials() {
    Credentials credentials = Credentials.none();
    List<String> all = arguments.all("user");
    Path usersFile = arguments.path("users");
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
    for (String token : arguments.all("token")) {
      credentials = credentials.withToken(Credentials.Token.parse(token));
    }
    if (arguments.has("client-ca")) {
      credentials = credentials.withClientCa(arguments.path("client-ca"));
    }
    if (arguments.has("admin-token")) {
      credentials = credentials.withAdminToken(arguments.text("admin-token", null));
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
