package dev.spfemu.cli;

import dev.spfemu.EmulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
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

  @Option(names = "--job-duration", paramLabel = "MS",
      description = "How long VMM jobs (VM and checkpoint operations) run, in milliseconds (default: 0)."
          + " Requests without RunAsynchronously wait for their job.")
  long jobDurationMillis;

  @Option(names = "--journal-size", paramLabel = "N",
      description = "How many recent requests the request journal keeps; 0 turns it off (default: ${DEFAULT-VALUE}).")
  int journalSize = EmulatorOptions.DEFAULT_JOURNAL_SIZE;

  EmulatorOptions toOptions() {
    return EmulatorOptions.builder().host(host).port(port).pageSize(pageSize).seed(!noSeed).seedFile(seedFile)
        .jobDuration(Duration.ofMillis(jobDurationMillis)).journalSize(journalSize).build();
  }
}
