package dev.spfemu.cli;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import dev.spfemu.server.WarmUp;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Runs the emulator from the command line until it is stopped (Ctrl-C, SIGTERM). Exit codes: 0 after a
 * stop (requests in flight finish first, up to the stop timeout), 1 when it cannot start (the message
 * says why), 2 for a bad command line (with the usage). {@code capture ...} as the first argument
 * runs {@link CaptureCommand} instead.
 */
public final class Main {

  /** The command line is wrong: the message and the usage are printed. */
  static final int USAGE = 2;
  /** The emulator cannot start (seed file, users file, port): the message says what to change. */
  static final int CANNOT_START = 1;

  private Main() {
  }

  /** Jetty's setting of how many object references fit in a CPU cache line. */
  static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  public static void main(String[] args) throws InterruptedException {
    System.setProperty(CliLogging.ACTIVE, "true"); // before the first logger exists: the jar's logging
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(referencesPerCacheLine(
          Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64), Runtime.getRuntime().maxMemory())));
    }
    if (startsAServer(args)) {
      WarmUp.startInBackground(); // on the other core, while this thread parses the options and loads the world
    }
    Started started = start(args, System.out, System.err);
    if (started.emulator() == null) {
      if (started.exitCode() != 0) {
        System.exit(started.exitCode());
      }
      return;
    }
    SpfEmulator emulator = started.emulator();
    // On SIGTERM or Ctrl-C the JVM runs this hook and then exits with 128 + the signal (143 for SIGTERM).
    // The hook stops the server gracefully (requests in flight finish, up to the stop timeout), and then
    // halts with 0: a stop asked for is a clean exit. Runtime.exit cannot be used here (called from a
    // hook it blocks for ever); halt skips the hooks still running, and there are no others of ours.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(0);
    }, "spf-emulator-shutdown"));
    LauncherWatch.startIfLaunched();
    emulator.join();
  }

  /** Whether the command line runs a server: not {@code capture}, the usage or the version. */
  static boolean startsAServer(String[] args) {
    return !(args.length > 0 && args[0].equals("capture")) && !ServerJvm.asksForHelpOrVersion(args);
  }

  /**
   * Answers, for Jetty, how many references fit in a cache line of {@code cacheLineBytes} (it pads a queue
   * with them). Left to itself, Jetty asks JMX whether references are compressed, and that one question
   * starts the platform MBean server: about 200 classes and a twentieth of the jar's start-up. The answer is
   * the JVM's default: compressed below a 32 GiB heap. A wrong answer (a JVM run with
   * {@code -XX:-UseCompressedOops}) changes only the padding; the user can set the property themselves.
   */
  static int referencesPerCacheLine(int cacheLineBytes, long maxHeapBytes) {
    return cacheLineBytes / (maxHeapBytes < (32L << 30) ? Integer.BYTES : Long.BYTES);
  }

  /** What {@link #start} did: an emulator that listens, or the exit code of why not (0: help or version printed). */
  record Started(SpfEmulator emulator, int exitCode) {
  }

  /**
   * Parses {@code args} and starts the emulator they describe, printing its address or why it cannot
   * start; or runs {@code capture} when that is the first argument (no emulator; its exit code).
   */
  static Started start(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("capture")) { // a command of its own, with progress on a terminal
      return new Started(null, CaptureCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err,
          System.console() != null));
    }
    EmulatorOptions options;
    try {
      CommandLineOptions cli = CommandLineOptions.parse(args);
      if (cli.helpRequested()) {
        CommandLineOptions.usage(out);
        return new Started(null, 0);
      }
      if (cli.versionRequested()) {
        out.println(CommandLineOptions.VERSION);
        return new Started(null, 0);
      }
      options = cli.toOptions();
    } catch (CommandLineOptions.FileProblem e) {
      err.println(e.getMessage());
      return new Started(null, CANNOT_START);
    } catch (IllegalArgumentException e) { // a bad command line, or a value the options refuse: both say which
      err.println(e.getMessage());
      CommandLineOptions.usage(err);
      return new Started(null, USAGE);
    }
    SpfEmulator emulator;
    try {
      emulator = SpfEmulator.create(options).start(); // create loads the world, start binds the port
    } catch (SpfEmulator.EmulatorStartException e) {
      err.println(e.getMessage());
      return new Started(null, CANNOT_START);
    }
    if (options.tls().http()) {
      out.println("SPF VMM emulator listening on " + emulator.baseUrl() + "/");
    }
    if (options.tls().https()) {
      out.println("SPF VMM emulator listening on " + emulator.httpsBaseUrl() + "/");
    }
    if (options.tls().exportCertificate() != null) {
      out.println("HTTPS certificate written to " + options.tls().exportCertificate());
    }
    out.flush();
    return new Started(emulator, 0);
  }
}
