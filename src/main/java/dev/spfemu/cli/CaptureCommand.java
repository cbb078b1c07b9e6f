package dev.spfemu.cli;

import static dev.spfemu.cli.Arguments.flagOption;
import static dev.spfemu.cli.Arguments.valueOption;

import dev.spfemu.capture.CaptureException;
import dev.spfemu.capture.CaptureOptions;
import dev.spfemu.capture.WorldCapture;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/**
 * {@code capture}: reads a live SPF VMM service into a world file for {@code --seed-file}
 * (docs/operations.md, "Capturing a real SPF's world"). Exit codes: 0 captured, 1 the capture
 * failed (one line says why), 2 a bad command line.
 */
final class CaptureCommand {

  private CaptureCommand() {
  }

  /** Its own option table: only these, not the emulator's. */
  static Options table() {
    return Arguments.helpAndVersion()
        .addOption(valueOption("from", "ROOT_URL", String.class, "The service root:"
            + " .../{subscription}/services/systemcenter/vmm/, .../SC2012R2/VMM/{subscription}/Microsoft.Management"
            + ".Odata.svc/ or .../SC2012R2/VMM/Microsoft.Management.Odata.svc/ (all subscriptions). Required."))
        .addOption(valueOption("out", "FILE", Path.class, "The world file to write. Required."))
        .addOption(valueOption("user", "NAME:PASSWORD", String.class, "HTTP Basic credentials."))
        .addOption(valueOption("token", "TOKEN", String.class, "A bearer token (instead of --user)."))
        .addOptionGroup(new OptionGroup()
            .addOption(valueOption("cacert", "FILE", Path.class,
                "Trust the certificates (or CAs) in this PEM file for HTTPS."))
            .addOption(flagOption("insecure",
                "Trust any HTTPS certificate and host name (a warning is printed).")))
        // one or more IDs after it, as often as wanted
        .addOption(Option.builder().longOpt("subscription").hasArgs().argName("ID...").desc("On the"
            + " all-subscriptions root: the subscriptions to read (default: the Admin service's tenants).").get());
  }

  /** Runs {@code capture ARGS}; progress goes to {@code err} only when {@code terminal}. */
  static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    CaptureOptions options;
    try {
      Arguments arguments = Arguments.parse(table(), args);
      if (arguments.flag("help")) {
        usage(out);
        return 0;
      }
      if (arguments.flag("version")) {
        out.println(CommandLineOptions.VERSION);
        return 0;
      }
      arguments.require("from", "out");
      if (arguments.has("user") && arguments.has("token")) {
        throw new Arguments.BadCommandLine("Give --user or --token, not both");
      }
      options = new CaptureOptions(uri(arguments.text("from", null)), arguments.path("out"),
          arguments.text("user", null), arguments.text("token", null), arguments.path("cacert"),
          arguments.flag("insecure"), arguments.all("subscription"));
    } catch (Arguments.BadCommandLine e) {
      err.println(e.getMessage());
      usage(err);
      return Main.USAGE;
    }
    if (options.insecure()) {
      err.println("Warning: --insecure trusts any certificate; the credentials may go to anyone in between");
    }
    try {
      WorldCapture.Summary summary = new WorldCapture(options, err, terminal).run();
      summary.lines(options.out()).forEach(out::println);
      out.flush();
      return 0;
    } catch (CaptureException e) {
      err.println(e.getMessage());
      return Main.CANNOT_START;
    }
  }

  private static URI uri(String from) {
    try {
      return new URI(from);
    } catch (URISyntaxException e) {
      throw new Arguments.BadCommandLine("--from " + from + " is not a URL: " + e.getMessage());
    }
  }

  private static void usage(PrintStream out) {
    Arguments.usage(table(), "spf-vmm-emulator capture --from ROOT_URL --out FILE [--cacert FILE | --insecure]"
        + " [OPTIONS]", "Reads every entity set of a live SPF"
        + " VMM service into a world file that --seed-file loads.", out);
  }
}
