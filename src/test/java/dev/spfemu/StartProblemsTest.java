package dev.spfemu;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An emulator that cannot start says what is wrong and how to fix it (docs/operations.md). */
class StartProblemsTest {

  private static String refusal(EmulatorOptions.Builder options) {
    return assertThrows(SpfEmulator.EmulatorStartException.class,
        () -> SpfEmulator.create(options.dynamicPort().build()).start().close()).getMessage();
  }

  @Test
  void aMissingSeedFileIsNotFound(@TempDir Path dir) {
    String message = refusal(EmulatorOptions.builder().seedFile(dir.resolve("world.json")));
    assertTrue(message.contains("the seed file " + dir.resolve("world.json") + " was not found"), message);
    assertTrue(message.contains("leave out the seed file to start with the demo world"), message);
  }

  @Test
  void aDirectoryAsSeedFileIsRefused(@TempDir Path dir) {
    String message = refusal(EmulatorOptions.builder().seedFile(dir));
    assertTrue(message.contains(dir + " is a directory, not a world file"), message);
  }

  @Test
  void aFifoAsSeedFileIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("world.fifo");
    assumeTrue(mkfifo(fifo), "mkfifo is available");
    String message = refusal(EmulatorOptions.builder().seedFile(fifo));
    assertTrue(message.contains(fifo + " is not a regular file (a FIFO, device or socket)"), message);
  }

  @Test
  void aPortInUseSaysSoAndHowToGetAnother() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String message = assertThrows(SpfEmulator.EmulatorStartException.class,
          () -> SpfEmulator.create(EmulatorOptions.builder().port(taken.getLocalPort()).build()).start().close())
          .getMessage();
      assertTrue(message.contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"), message);
      assertTrue(message.contains("--port 0 for any free port"), message);
    }
  }

  @Test
  void anAddressOfAnotherMachineSaysSo() {
    String message = refusal(EmulatorOptions.builder().host("192.0.2.1")); // TEST-NET-1: never local
    assertTrue(message.contains("192.0.2.1 is not an address of this machine"), message);
  }

  /** Makes a named pipe; false where there is no mkfifo. */
  static boolean mkfifo(Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    } catch (IOException none) {
      return false;
    }
  }
}
