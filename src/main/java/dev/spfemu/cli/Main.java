package dev.spfemu.cli;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Runs the emulator from the command line until it is interrupted (Ctrl-C, SIGTERM). */
public final class Main {

  private Main() {
  }

  /** The runnable jar's logging; a library jar must not impose a config at the classpath root. */
  private static final String LOGGING_CONFIG = "dev/spfemu/cli/logback.xml";

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGGING_CONFIG); // before the first logger exists
    }
    CommandLineOptions cli = new CommandLineOptions();
    CommandLine commandLine = new CommandLine(cli);
    EmulatorOptions options;
    try {
      commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested() || commandLine.isVersionHelpRequested()) {
        if (commandLine.isUsageHelpRequested()) {
          commandLine.usage(System.out);
        } else {
          commandLine.printVersionHelp(System.out);
        }
        return;
      }
      options = cli.toOptions();
    } catch (ParameterException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      commandLine.usage(System.err);
      System.exit(2);
      return;
    }
    run(options);
  }

  private static void run(EmulatorOptions options) throws InterruptedException {
    SpfEmulator emulator;
    try {
      emulator = SpfEmulator.create(options).start(); // create loads the world, start binds the port
    } catch (SpfEmulator.EmulatorStartException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "spf-emulator-shutdown"));
    if (options.tls().http()) {
      System.out.println("SPF VMM emulator listening on " + emulator.baseUrl() + "/");
    }
    if (options.tls().https()) {
      System.out.println("SPF VMM emulator listening on " + emulator.httpsBaseUrl() + "/");
    }
    if (options.tls().exportCertificate() != null) {
      System.out.println("HTTPS certificate written to " + options.tls().exportCertificate());
    }
    System.out.flush();
    emulator.join();
  }
}
