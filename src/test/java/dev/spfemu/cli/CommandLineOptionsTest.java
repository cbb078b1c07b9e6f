package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.TlsOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

  private static EmulatorOptions parse(String... args) {
    return CommandLineOptions.parse(args).toOptions();
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
    assertThrows(Arguments.BadCommandLine.class, () -> parse("--port", "http"));
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
  void httpsOptions() {
    assertEquals(TlsOptions.httpOnly(), parse().tls());
    TlsOptions tls = parse("--https-port", "0", "--tls-keystore", "spf.p12", "--tls-password", "pw",
        "--tls-san", "spf.example.com", "--tls-san", "10.0.0.5", "--export-cert", "spf.pem").tls();
    assertEquals(new TlsOptions(true, 0, Path.of("spf.p12"), "pw", List.of("spf.example.com", "10.0.0.5"),
        Path.of("spf.pem")), tls);
    assertEquals(false, parse("--https-port", "8090", "--no-http").tls().http());
    assertEquals(Path.of("ca.pem"), parse("--https-port", "0", "--client-ca", "ca.pem").credentials().clientCa());
  }

  @Test
  void httpsOptionsWithoutHttpsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("--no-http"));
    assertThrows(IllegalArgumentException.class, () -> parse("--tls-keystore", "spf.p12"));
    assertThrows(IllegalArgumentException.class, () -> parse("--export-cert", "spf.pem"));
    assertThrows(IllegalArgumentException.class, () -> parse("--tls-san", "spf"));
    assertThrows(IllegalArgumentException.class, () -> parse("--client-ca", "ca.pem"));
    assertThrows(IllegalArgumentException.class, () -> parse("--https-port", "0", "--tls-password", "pw"));
    assertThrows(IllegalArgumentException.class, () -> parse("--https-port", "70000"));
  }

  @Test
  void theLongestFaultDelayIsTaken() {
    assertEquals(Duration.ofSeconds(60), parse().limits().maxFaultDelay());
    assertEquals(Duration.ofSeconds(5), parse("--max-fault-delay", "5").limits().maxFaultDelay());
    assertThrows(IllegalArgumentException.class, () -> parse("--max-fault-delay", "-1"));
  }

  @Test
  void limitsAreTakenAndBadOnesRefusedWithTheFlagsName() {
    dev.spfemu.Limits limits = parse("--max-batch-parts", "5", "--max-expression-length", "100",
        "--max-expression-depth", "7", "--max-entities-per-subscription", "50", "--journal-body-bytes", "9").limits();
    assertEquals(dev.spfemu.Limits.defaults().withJournalBodyBytes(9).withBatchParts(5).withExpressionLength(100)
        .withExpressionDepth(7).withEntitiesPerSubscription(50), limits);
    assertEquals(dev.spfemu.Limits.defaults(), parse().limits());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> parse("--max-batch-parts", "0"));
    org.junit.jupiter.api.Assertions.assertTrue(zero.getMessage().contains("--max-batch-parts"), zero.getMessage());
  }

  @Test
  void theJournalSizeHasAnUpperBound() {
    assertEquals(EmulatorOptions.MAX_JOURNAL_SIZE,
        parse("--journal-size", Integer.toString(EmulatorOptions.MAX_JOURNAL_SIZE)).journalSize());
    IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
        () -> parse("--journal-size", "100001"));
    org.junit.jupiter.api.Assertions.assertTrue(tooBig.getMessage().contains("between 0 and 100000"),
        tooBig.getMessage());
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
    assertEquals("the idle timeout (--idle-timeout) must be more than zero, not PT0S",
        assertThrows(IllegalArgumentException.class, () -> parse("--idle-timeout", "0")).getMessage());
    assertEquals("the body timeout (--body-timeout) must be more than zero, not PT-0.001S",
        assertThrows(IllegalArgumentException.class, () -> parse("--body-timeout", "-1")).getMessage());
    assertEquals("the most connections (--max-connections) must be at least 1, not 0",
        assertThrows(IllegalArgumentException.class, () -> parse("--max-connections", "0")).getMessage());
    assertEquals("the stop timeout (--stop-timeout) must be zero or more",
        assertThrows(IllegalArgumentException.class, () -> parse("--stop-timeout", "-5")).getMessage());
  }

  @Test
  void dataDirIsPassedOn() {
    assertEquals(Path.of("state"), parse("--data-dir", "state").dataDir());
    assertEquals(null, parse().dataDir());
  }

  @Test
  void theDataDirectorysOptionsArePassedOn() {
    assertEquals(true, parse("--data-dir", "state", "--data-dir-truncate-corrupt").truncateCorruptLog());
    assertEquals(false, parse("--data-dir", "state").truncateCorruptLog());
    assertEquals(4096, parse("--max-log-bytes", "4096").limits().maxLogBytes());
    assertEquals(dev.spfemu.Limits.DEFAULT_MAX_LOG_BYTES, parse().limits().maxLogBytes());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> parse("--max-log-bytes", "10"));
  }

  @Test
  void theLivePagesLimitIsPassedOn() {
    assertEquals(2, parse("--max-event-streams", "2").limits().maxEventStreams());
    assertEquals(0, parse("--max-event-streams", "0").limits().maxEventStreams(), "0: no live page");
    assertEquals(dev.spfemu.Limits.DEFAULT_MAX_EVENT_STREAMS, parse().limits().maxEventStreams());
    assertThrows(IllegalArgumentException.class, () -> parse("--max-event-streams", "-1"));
  }

  @Test
  void flagsTakeTrueOrFalseAttachedAsBefore() {
    assertEquals(false, parse("--no-seed=true").seed());
    assertEquals(true, parse("--no-seed=false").seed());
    assertEquals(true, parse("--verbose").accessLog(), "--verbose is --access-log");
    assertEquals(true, parse("--access-log").accessLog());
    assertThrows(Arguments.BadCommandLine.class, () -> parse("--access-log", "--verbose"));
  }

  @Test
  void theUsageShowsEveryOptionWithItsDefault() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CommandLineOptions.usage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String usage = bytes.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    for (Option option : CommandLineOptions.table().getOptions()) {
      assertTrue(usage.contains("--" + option.getLongOpt()), option.getLongOpt());
      String firstWords = option.getDescription().substring(0, Math.min(20, option.getDescription().length()));
      assertTrue(usage.contains(firstWords), firstWords);
    }
    for (String setting : List.of("(default: 127.0.0.1)", "(default: 30005)", "(default: 1000)",
        "at most 100000; 0 turns it off (default: 1000)", "(default: 65536)", "(default: 60)", "(default: 8192)",
        "(default: 100)", "(default: 5000000)", "(default: 30000)", "(default: 4096)", "(default: 10000)",
        "(default: 67108864)")) {
      assertTrue(usage.contains(setting), setting + " in " + usage);
    }
  }
}
