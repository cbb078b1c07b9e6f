package dev.spfemu.cli;

import static dev.spfemu.cli.EmulatorJar.awaitListening;
import static dev.spfemu.cli.EmulatorJar.stdout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar} runs the emulator in a second JVM with the options the jar cannot set for itself
 * (issue 13): a class-data archive written by the first run and mapped by the next, and immediate tenure. The
 * launching JVM relays a stop and the exit code; killed outright, it takes the emulator with it.
 */
class LauncherIT {

  @RegisterExtension
  final ChildProcesses children = new ChildProcesses();

  /** The plain jar, with its own user cache. */
  private Process launch(Path cache, String... args) throws IOException {
    ProcessBuilder command = EmulatorJar.command(args).redirectError(ProcessBuilder.Redirect.DISCARD);
    command.environment().put("XDG_CACHE_HOME", cache.toString());
    return children.start(command);
  }

  private static int get(String baseUrl) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
        + "ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/VMCheckPoints")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The emulator's JVM: the launcher's only child. */
  private static ProcessHandle server(Process launcher) {
    List<ProcessHandle> children = launcher.children().toList();
    assertEquals(1, children.size(), "one server JVM under the launcher");
    return children.get(0);
  }

  private static List<String> archives(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve(ClassArchive.DIRECTORY))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstRunWritesTheArchiveAndTheNextMapsIt(@TempDir Path cache) throws Exception {
    Process first = launch(cache, "--port", "0");
    assertEquals(200, get(awaitListening(stdout(first))));
    String firstCommand = String.join(" ", server(first).info().arguments().orElseThrow());
    assertTrue(firstCommand.contains(ServerJvm.TENURE_AT_ONCE), firstCommand);
    assertTrue(firstCommand.contains(ServerJvm.COMPILE_LATER), firstCommand);
    assertTrue(firstCommand.contains("-XX:ArchiveClassesAtExit="), firstCommand);
    first.destroy(); // SIGTERM to the launcher: relayed, the server stops gracefully and writes the archive
    assertTrue(first.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
    assertEquals(0, first.exitValue(), "a stop asked for is a clean exit");
    List<String> written = archives(cache);
    assertEquals(1, written.size(), written.toString());
    assertTrue(written.get(0).endsWith(".jsa"), written.toString());

    Process next = launch(cache, "--port", "0");
    assertEquals(200, get(awaitListening(stdout(next))));
    String nextCommand = String.join(" ", server(next).info().arguments().orElseThrow());
    assertTrue(nextCommand.contains("-XX:SharedArchiveFile=" + cache.resolve(ClassArchive.DIRECTORY)
        .resolve(written.get(0))), nextCommand);
  }

  @Test
  void killedOutrightTheLauncherTakesTheServerWithIt(@TempDir Path cache) throws Exception {
    Process launcher = launch(cache, "--port", "0");
    String baseUrl = awaitListening(stdout(launcher));
    ProcessHandle server = server(launcher);
    launcher.destroyForcibly(); // SIGKILL: nothing can be relayed
    launcher.waitFor();
    server.onExit().get(60, TimeUnit.SECONDS); // it saw its standard input close
    assertFalse(server.isAlive());
    int port = URI.create(baseUrl).getPort();
    try (ServerSocket again = new ServerSocket(port)) {
      assertEquals(port, again.getLocalPort(), "the port is free again");
    }
  }

  @Test
  void theServersExitCodeAndMessagesAreTheLaunchers(@TempDir Path cache) throws Exception {
    ProcessBuilder command = EmulatorJar.command("--port", "0", "--no-such-option");
    command.environment().put("XDG_CACHE_HOME", cache.toString());
    Process launcher = children.start(command.redirectOutput(ProcessBuilder.Redirect.DISCARD));
    String err = new String(launcher.getErrorStream().readAllBytes());
    assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
    assertEquals(Main.USAGE, launcher.exitValue(), err);
    assertTrue(err.contains("--no-such-option"), err);
    assertEquals(List.of(), archives(cache), "a server that never started leaves no archive to map");
  }

  @Test
  void withJvmOptionsOfItsOwnTheJarStaysInOneJvm(@TempDir Path cache) throws Exception {
    ProcessBuilder command = EmulatorJar.command(List.of("-Xmx256m"), "--port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    command.environment().put("XDG_CACHE_HOME", cache.toString());
    Process process = children.start(command);
    assertEquals(200, get(awaitListening(stdout(process))));
    assertEquals(0, process.children().count(), "no second JVM");
    assertFalse(Files.exists(cache.resolve(ClassArchive.DIRECTORY)), "and no archive");
  }
}
