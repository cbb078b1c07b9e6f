package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and messages: 1 when the emulator cannot start, 2 for a bad command line. */
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void onlyACommandLineThatRunsAServerWarmsUp() {
    assertTrue(Main.startsAServer(new String[0]));
    assertTrue(Main.startsAServer(new String[] {"--port", "0", "--seed-file", "w.json"}));
    assertFalse(Main.startsAServer(new String[] {"capture", "--out", "w.json"}));
    assertFalse(Main.startsAServer(new String[] {"--help"}));
    assertFalse(Main.startsAServer(new String[] {"--port", "0", "-V"}));
  }

  private Main.Started start(String... args) {
    Main.Started started = Main.start(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    if (started.emulator() != null) {
      started.emulator().close();
    }
    return started;
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** {@code capture} as the first argument is the capture command; the emulator's own flags are unchanged. */
  @Test
  void captureIsACommandOfItsOwn(@TempDir Path dir) throws Exception {
    try (dev.spfemu.SpfEmulator spf = dev.spfemu.EmulatorOptions.builder().dynamicPort().start()) {
      Path world = dir.resolve("world.json");
      Main.Started started = start("capture", "--from",
          spf.baseUrl() + "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/", "--out", world.toString());
      assertEquals(0, started.exitCode(), err());
      assertNull(started.emulator());
      assertTrue(Files.exists(world));
      assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Captured "), out.toString(StandardCharsets.UTF_8));
    }
    assertEquals(2, start("capture", "--port", "0").exitCode(), "the emulator's flags are not capture's");
    assertTrue(err().contains("--from"), err());
  }

  @Test
  void aMissingSeedFileExits1SayingNotFound(@TempDir Path dir) {
    Main.Started started = start("--port", "0", "--seed-file", dir.resolve("nope.json").toString());
    assertEquals(1, started.exitCode());
    assertNull(started.emulator());
    assertTrue(err().contains("nope.json was not found"), err());
    assertFalse(err().contains("Usage:"), err());
  }

  @Test
  void aFifoAsSeedFileExits1(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("w");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    assertEquals(1, start("--port", "0", "--seed-file", fifo.toString()).exitCode());
    assertTrue(err().contains("is not a regular file"), err());
  }

  @Test
  void anUnusableUsersFileExits1SayingWhy(@TempDir Path dir) throws Exception {
    assertEquals(1, start("--port", "0", "--users", dir.resolve("users.txt").toString()).exitCode());
    assertTrue(err().contains("The users file " + dir.resolve("users.txt") + " was not found"), err());
    assertTrue(err().contains("one NAME:PASSWORD per line"), err());

    assertEquals(1, start("--port", "0", "--users", dir.toString()).exitCode());
    assertTrue(err().contains("The users file " + dir + " is a directory"), err());

    Path fifo = dir.resolve("users.fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    assertEquals(1, start("--port", "0", "--users", fifo.toString()).exitCode());
    assertTrue(err().contains("users.fifo is not a regular file"), err());
  }

  @Test
  void aPortInUseExits1() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertEquals(1, start("--port", String.valueOf(taken.getLocalPort())).exitCode());
      assertTrue(err().contains("is in use"), err());
    }
  }

  @Test
  void badFlagValuesExit2WithTheProblemAndTheUsage() {
    assertEquals(2, start("--port", "http").exitCode());
    assertTrue(err().contains("Invalid value for option '--port': 'http' is not an int"), err());
    assertTrue(err().contains("Usage:"), err());

    err.reset();
    assertEquals(2, start("--page-size", "0").exitCode());
    assertTrue(err().startsWith("page size must be at least 1, not 0"), err());

    err.reset();
    assertEquals(2, start("--body-timeout", "0").exitCode());
    assertTrue(err().startsWith("the body timeout (--body-timeout) must be more than zero"), err());

    err.reset();
    assertEquals(2, start("--no-such-flag").exitCode());
    assertTrue(err().contains("Unknown option: '--no-such-flag'"), err());
  }

  @Test
  void aGoodCommandLineStartsAndPrintsWhereItListens(@TempDir Path dir) throws Exception {
    Path users = Files.writeString(dir.resolve("users.txt"), "# users\nalice:s3cr3t\n");
    Main.Started started = start("--port", "0", "--no-seed", "--users", users.toString());
    assertEquals(0, started.exitCode());
    assertTrue(out.toString(StandardCharsets.UTF_8).matches(
        "SPF VMM emulator listening on http://127\\.0\\.0\\.1:\\d+/\\R"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpExits0() {
    Main.Started started = start("--help");
    assertEquals(0, started.exitCode());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--stop-timeout"));
  }

  @Test
  void versionExits0() {
    assertEquals(0, start("--version").exitCode());
    assertEquals("SPF VMM emulator 0.1.0", out.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void captureCommandLineProblemsSayWhichAndShowItsUsage() {
    assertEquals(2, start("capture").exitCode());
    assertTrue(err().startsWith("Missing required options: '--from=ROOT_URL', '--out=FILE'"), err());
    assertTrue(err().contains("Usage: spf-vmm-emulator capture --from ROOT_URL --out FILE"), err());
    err.reset();
    assertEquals(2, start("capture", "--from", "http://127.0.0.1:1/", "--out", "x.json", "--insecure", "--cacert",
        "a.pem").exitCode());
    assertTrue(err().startsWith("--cacert=FILE, --insecure are mutually exclusive"), err());
    err.reset();
    assertEquals(0, start("capture", "--help").exitCode(), "help needs none of the required options");
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--subscription"));
  }

  @Test
  void answersJettysCacheLineQuestionAsJmxWouldForTheJvmsDefaults() {
    assertEquals(16, Main.referencesPerCacheLine(64, 4L << 30), "below 32 GiB of heap references take 4 bytes");
    assertEquals(8, Main.referencesPerCacheLine(64, 32L << 30), "from 32 GiB, 8");
    assertEquals(32, Main.referencesPerCacheLine(128, 1L << 30));
  }
}
