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
  void slowClientLimitsAreTakenInMilliseconds() {
    dev.spfemu.Limits limits = parse("--idle-timeout", "1500", "--body-timeout", "2500", "--max-connections", "7",
        "--stop-timeout", "0").limits();
    assertEquals(Duration.ofMillis(1500), limits.idleTimeout());
    assertEquals(Duration.ofMillis(2500), limits.bodyTimeout());
    assertEquals(7, limits.maxConnections());
    assertEquals(Duration.ZERO, limits.stopTimeout());
  }

  @Test
  void slowClientLimitsOutOfRangeAreRefusedSayingWhich() {
    assertEquals("the idle timeout must be more than zero, not PT0S",
        assertThrows(IllegalArgumentException.class, () -> parse("--idle-timeout", "0")).getMessage());
    assertEquals("the body timeout must be more than zero, not PT-0.001S",
        assertThrows(IllegalArgumentException.class, () -> parse("--body-timeout", "-1")).getMessage());
    assertEquals("the most connections must be at least 1, not 0",
        assertThrows(IllegalArgumentException.class, () -> parse("--max-connections", "0")).getMessage());
    assertEquals("the stop timeout must be zero or more",
        assertThrows(IllegalArgumentException.class, () -> parse("--stop-timeout", "-5")).getMessage());
  }
}
