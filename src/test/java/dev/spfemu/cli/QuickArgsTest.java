package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The quick reader of plain command lines against picocli: on every line it reads, the emulator's options
 * (or the refusal) are picocli's; on the rest it gives up, and picocli reads them.
 */
class QuickArgsTest {

  private static final List<String> NAMES = List.of("--host", "--port", "--page-size", "--no-seed", "--seed-file",
      "--data-dir", "--data-dir-truncate-corrupt", "--job-duration", "--journal-size", "--https-port", "--no-http",
      "--tls-keystore", "--tls-password", "--tls-san", "--export-cert", "--user", "--users", "--token", "--client-ca",
      "--admin-token", "--journal-body-bytes", "--max-fault-delay", "--max-batch-parts", "--max-expression-length",
      "--max-expression-depth", "--max-entities-per-subscription", "--idle-timeout", "--body-timeout",
      "--max-connections", "--stop-timeout", "--max-log-bytes", "--access-log", "--verbose",
      "--help", "-h", "--version", "-V", "--nope", "--Port", "-p", "--", "@args.txt");
  private static final List<String> VALUES = List.of("0", "1", "7", "25", "8443", "30000", "65535", "70000",
      "2147483647", "2147483648", "99999999999", "010", "-1", "+5", "0x10", "", " ", "x", "world.json", "d/e",
      "@f", "a:b", "alice:s3cret", "t0ken=ae122d5f-3aab-4d75-ad48-d6593246a49e", "0.0.0.0", "true", "--port");

  /** What picocli makes of {@code args}: the options, or the refusal. */
  private static String picocli(String[] args) {
    CommandLineOptions options = new CommandLineOptions();
    try {
      CommandLine commandLine = new CommandLine(options);
      commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested() || commandLine.isVersionHelpRequested()) {
        return "help";
      }
      return outcome(options);
    } catch (CommandLine.ParameterException e) {
      return "picocli: " + e.getMessage();
    }
  }

  private static String outcome(CommandLineOptions options) {
    try {
      return options.toOptions().toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static void assertAlike(String... args) {
    CommandLineOptions quick = QuickArgs.parse(args);
    if (quick != null) {
      assertEquals(picocli(args), outcome(quick), String.join(" ", args));
    }
  }

  @Test
  void readsTheUsualLinesItselfAndAsPicocliDoes() {
    List<String[]> usual = List.of(new String[0], new String[] {"--port", "8080"}, new String[] {"--port=0"},
        new String[] {"--host", "0.0.0.0", "--port", "30005", "--no-seed"},
        new String[] {"--data-dir", "state", "--access-log", "--job-duration", "1500"},
        new String[] {"--seed-file", "world.json", "--verbose", "--page-size", "25"},
        new String[] {"--https-port", "0", "--no-http", "--tls-san", "a.example", "--tls-san", "10.0.0.5"},
        new String[] {"--user", "alice:s3cret", "--user", "bob:pw", "--token", "t=ae122d5f-3aab-4d75-ad48-d6593246a49e"},
        new String[] {"--port", "70000"}, new String[] {"--job-duration", "99999999999"});
    for (String[] args : usual) {
      assertNotNull(QuickArgs.parse(args), String.join(" ", args));
      assertAlike(args);
    }
  }

  @Test
  void knowsEveryValueOptionPicocliHasOrGivesUpOnIt() {
    for (OptionSpec option : new CommandLine(new CommandLineOptions()).getCommandSpec().options()) {
      for (String name : option.names()) {
        for (String value : VALUES) {
          if (option.arity().max() == 0) {
            assertAlike(name);
            assertAlike(name + "=" + value);
          } else {
            assertAlike(name, value);
            assertAlike(name + "=" + value);
          }
        }
      }
    }
  }

  @Test
  void givesUpOnWhatPicocliReadsItsOwnWay() {
    for (String[] args : List.of(new String[] {"--port", "010"}, new String[] {"--port", "+5"},
        new String[] {"--port", "-1"}, new String[] {"--port"}, new String[] {"--port", ""},
        new String[] {"--port", "1", "--port", "2"}, new String[] {"--no-seed", "--no-seed"},
        new String[] {"--verbose", "--access-log"}, new String[] {"--no-seed=true"}, new String[] {"@args.txt"},
        new String[] {"--seed-file", "@world"}, new String[] {"--help"}, new String[] {"-V"},
        new String[] {"--", "x"}, new String[] {"extra"}, new String[] {"--host", "--port"},
        new String[] {"--page-size", "2147483648"})) {
      assertNull(QuickArgs.parse(args), String.join(" ", args));
    }
  }

  @Test
  void readsRandomLinesAsPicocliDoesWhenItReadsThemAtAll() {
    Random random = new Random(13);
    for (int line = 0; line < 3000; line++) {
      List<String> args = new ArrayList<>();
      int count = random.nextInt(5);
      for (int i = 0; i < count; i++) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String value = VALUES.get(random.nextInt(VALUES.size()));
        switch (random.nextInt(4)) {
          case 0 -> args.add(name);
          case 1 -> args.add(name + "=" + value);
          default -> {
            args.add(name);
            args.add(value);
          }
        }
      }
      assertAlike(args.toArray(String[]::new));
    }
  }

  @Test
  void aRefusedQuickLinePrintsPicocliUsageAsBefore() {
    assertEquals(run("--port", "070000"), run("--port", "70000"), "picocli reads the first, the quick reader the second");
  }

  private static String run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.Started started = Main.start(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Main.USAGE, started.exitCode());
    return err.toString(StandardCharsets.UTF_8);
  }
}
