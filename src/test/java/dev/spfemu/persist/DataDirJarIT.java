package dev.spfemu.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.cli.ChildProcesses;
import dev.spfemu.cli.EmulatorJar;
import dev.spfemu.http.DemoWorld;
import dev.spfemu.persist.DataDirFiles.Record;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir} from the jar: what a user sees when the directory is in use or its change log damaged. */
class DataDirJarIT {

  @RegisterExtension
  final ChildProcesses children = new ChildProcesses();

  @TempDir
  Path folder;

  @Test
  void aSecondEmulatorOnADirInUseExitsNonZeroNamingIt() throws Exception {
    Path dir = folder.resolve("data");
    String first = EmulatorJar.awaitListening(EmulatorJar.stdout(children.start(EmulatorJar.command("--port", "0",
        "--data-dir", dir.toString()))));
    assertTrue(first.startsWith("http://"));

    Refusal second = refusal("--port", "0", "--data-dir", dir.toString());
    assertNotEquals(0, second.exitCode());
    assertTrue(second.stderr().contains(dir.toString()), second.stderr());
  }

  /** A damaged record with good ones after it stops the jar; {@code --data-dir-truncate-corrupt} starts it. */
  @Test
  void aDamagedLogStopsTheJarUnlessToldToTruncate() throws Exception {
    Path dir = folder.resolve("data");
    Process process = children.start(EmulatorJar.command("--port", "0", "--data-dir", dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD));
    ServiceCalls calls = new ServiceCalls(EmulatorJar.awaitListening(EmulatorJar.stdout(process)));
    List<String> made = new ArrayList<>();
    for (String name : List.of("first", "second", "third")) {
      HttpResponse<String> created = calls.send("POST", "VMCheckPoints", DemoWorld.checkpointBody(name));
      assertEquals(201, created.statusCode(), created.body());
      made.add(ServiceCalls.json(created.body()).get("ID").asText());
    }
    EmulatorJar.kill(process); // a crash: what is on disk is what was acknowledged, nothing a clean stop adds
    process.waitFor();
    Record second = DataDirFiles.recordHolding(dir, made.get(1));
    DataDirFiles.damage(second);

    Refusal refusal = refusal("--port", "0", "--data-dir", dir.toString());
    assertNotEquals(0, refusal.exitCode());
    for (String said : List.of(second.file().getFileName().toString(), "offset " + second.offset(),
        "--data-dir-truncate-corrupt")) {
      assertTrue(refusal.stderr().contains(said), said + " in: " + refusal.stderr());
    }

    ServiceCalls truncated = new ServiceCalls(EmulatorJar.awaitListening(EmulatorJar.stdout(children.start(
        EmulatorJar.command("--port", "0", "--data-dir", dir.toString(), "--data-dir-truncate-corrupt")
            .redirectError(ProcessBuilder.Redirect.DISCARD)))));
    assertEquals(200, truncated.send("GET", ServiceCalls.key("VMCheckPoints", made.get(0)), null).statusCode());
    assertEquals(404, truncated.send("GET", ServiceCalls.key("VMCheckPoints", made.get(2)), null).statusCode());
  }

  /** How a jar that should not start ended. */
  private record Refusal(int exitCode, String stderr) {
  }

  private Refusal refusal(String... args) throws Exception {
    Path stderr = Files.createTempFile(folder, "stderr", ".txt");
    Process process = children.start(EmulatorJar.command(args).redirectError(stderr.toFile()));
    // the jar prints nothing on stdout before it listens: a line means it started
    String line = EmulatorJar.stdout(process).readLine();
    assertNull(line, "the emulator started, it should have refused to");
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the refused emulator ends");
    return new Refusal(process.exitValue(), Files.readString(stderr));
  }
}
