package dev.spfemu.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The child processes a test starts, killed after the test whatever happened to it (a failed assertion, a
 * timeout), so that no emulator outlives the build and holds its port or data directory. Register it as an
 * instance field with {@code @RegisterExtension}.
 */
public final class ChildProcesses implements AfterEachCallback {

  private final List<Process> started = new CopyOnWriteArrayList<>();

  /** Starts {@code command} and keeps it to kill after the test. */
  public Process start(ProcessBuilder command) throws IOException {
    Process process = command.start();
    started.add(process);
    return process;
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    for (Process process : started) {
      EmulatorJar.kill(process);
    }
    started.clear();
  }
}
