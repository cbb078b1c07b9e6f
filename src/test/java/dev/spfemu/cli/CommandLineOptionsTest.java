package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.EmulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineOptionsTest {

  private static EmulatorOptions parse(String... args) {
    CommandLineOptions options = new CommandLineOptions();
    new CommandLine(options).parseArgs(args);
    return options.toOptions();
  }

  @Test
  void defaultsAreLoopbackAndPort30005() {
    EmulatorOptions options = parse();
    assertEquals("127.0.0.1", options.host());
    assertEquals(30005, options.port());
    assertEquals(EmulatorOptions.defaults(), options);
  }

  @Test
  void hostAndPortAreTaken() {
    EmulatorOptions options = parse("--host", "0.0.0.0", "--port", "0");
    assertEquals("0.0.0.0", options.host());
    assertEquals(0, options.port());
  }

  @Test
  void badPortsAreRefused() {
    assertThrows(CommandLine.ParameterException.class, () -> parse("--port", "http"));
    assertThrows(IllegalArgumentException.class, () -> parse("--port", "70000"));
  }

  @Test
  void seedOptions() {
    assertEquals(true, parse().seed());
    assertEquals(null, parse().seedFile());
    assertEquals(false, parse("--no-seed").seed());
    assertEquals(Path.of("world.json"), parse("--seed-file", "world.json").seedFile());
    assertEquals(25, parse("--page-size", "25").pageSize());
    assertEquals(Duration.ZERO, parse().jobDuration());
    assertEquals(Duration.ofMillis(1500), parse("--job-duration", "1500").jobDuration());
    assertThrows(IllegalArgumentException.class, () -> parse("--job-duration", "-1"));
  }

  @Test
  void theLongestFaultDelayIsTaken() {
    assertEquals(Duration.ofSeconds(60), parse().limits().maxFaultDelay());
    assertEquals(Duration.ofSeconds(5), parse("--max-fault-delay", "5").limits().maxFaultDelay());
    assertThrows(IllegalArgumentException.class, () -> parse("--max-fault-delay", "-1"));
  }
}
