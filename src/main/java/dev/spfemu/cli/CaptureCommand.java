package dev.spfemu.cli;

import dev.spfemu.capture.CaptureException;
import dev.spfemu.capture.CaptureOptions;
import dev.spfemu.capture.WorldCapture;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code capture}: reads a live SPF VMM service into a world file for {@code --seed-file}
 * (docs/operations.md, "Capturing a real SPF's world"). Exit codes: 0 captured, 1 the capture
 * failed (one line says why), 2 a bad command line.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, version = "SPF VMM emulator 0.1.0",
    description = "Reads every entity set of a live SPF VMM service into a world file that --seed-file loads.")
final class CaptureCommand {

  @Option(names = "--from", required = true, paramLabel = "ROOT_URL",
      description = "The service root: .../{subscription}/services/systemcenter/vmm/,"
          + " .../SC2012R2/VMM/{subscription}/Microsoft.Management.Odata.svc/ or"
          + " .../SC2012R2/VMM/Microsoft.Management.Odata.svc/ (all subscriptions).")
  String from;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The world file to write.")
  Path out;

  @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "HTTP Basic credentials.")
  String user;

  @Option(names = "--token", paramLabel = "TOKEN", description = "A bearer token (instead of --user).")
  String token;

  @ArgGroup(exclusive = true)
  Trust trust = new Trust();

  static final class Trust {
    @Option(names = "--cacert", paramLabel = "FILE",
        description = "Trust the certificates (or CAs) in this PEM file for HTTPS.")
    Path caCertificates;

    @Option(names = "--insecure", description = "Trust any HTTPS certificate and host name (a warning is printed).")
    boolean insecure;
  }

  @Option(names = "--subscription", paramLabel = "ID", arity = "1..*",
      description = "On the all-subscriptions root: the subscriptions to read (default: the Admin service's tenants).")
  List<String> subscriptions = new ArrayList<>();

  /** Runs {@code capture ARGS}; progress goes to {@code err} only when {@code terminal}. */
  static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    CaptureCommand command = new CaptureCommand();
    CommandLine commandLine = new CommandLine(command);
    CaptureOptions options;
    try {
      commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested()) {
        commandLine.usage(out);
        return 0;
      }
      if (commandLine.isVersionHelpRequested()) {
        commandLine.printVersionHelp(out);
        return 0;
      }
      if (command.user != null && command.token != null) {
        throw new ParameterException(commandLine, "Give --user or --token, not both");
      }
      options = new CaptureOptions(uri(commandLine, command.from), command.out, command.user, command.token,
          command.trust.caCertificates, command.trust.insecure, command.subscriptions);
    } catch (ParameterException e) {
      err.println(e.getMessage());
      commandLine.usage(err);
      return Main.USAGE;
    }
    if (options.insecure()) {
      err.println("Warning: --insecure trusts any certificate; the credentials may go to anyone in between");
    }
    try {
      WorldCapture.Summary summary = new WorldCapture(options, err, terminal).run();
      summary.lines(command.out).forEach(out::println);
      out.flush();
      return 0;
    } catch (CaptureException e) {
      err.println(e.getMessage());
      return Main.CANNOT_START;
    }
  }

  private static URI uri(CommandLine commandLine, String from) {
    try {
      return new URI(from);
    } catch (URISyntaxException e) {
      throw new ParameterException(commandLine, "--from " + from + " is not a URL: " + e.getMessage());
    }
  }
}
