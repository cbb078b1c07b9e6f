package dev.spfemu.persist;

import dev.spfemu.cli.ChildProcesses;
import dev.spfemu.Limits;
import dev.spfemu.cli.EmulatorJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's crash test: the jar with {@code --data-dir} under a concurrent write load is killed with SIGKILL
 * at a random moment, restarted on the same directory, and checked against what it had acknowledged
 * ({@link RecoveryCheck}), cycle after cycle.
 *
 * <p>{@code -Dcrash.cycles=N} sets the number of cycles (the default keeps {@code mvn verify} at about a
 * minute; the issue asks for 200 once), {@code -Dcrash.seed=S} replays a run's requests and load lengths
 * (when the kill lands within a request is the machine's doing, so a replay is close, not exact).
 */
class CrashRecoveryIT {

  /**
   * About a minute on a 2-core machine: a start of the jar, the load and the checks take 3 s a cycle on a quiet
   * one, 6 s with a build running beside (200 cycles: 17 minutes then, within the timeout below).
   */
  private static final int DEFAULT_CYCLES = 16;
  /** Load threads, each with its own entities. */
  private static final int THREADS = 5;
  private static final int SHORTEST_LOAD_MILLIS = 50;
  private static final int LONGEST_LOAD_MILLIS = 600;
  /**
   * Each start draws its {@code --max-log-bytes}: a snapshot after every change, after a few dozen, or (the
   * default) none in a run, so that kills land while snapshots are written and old generations deleted too.
   */
  private static final List<Long> MAX_LOG_BYTES = List.of(1024L, 16 * 1024L, Limits.DEFAULT_MAX_LOG_BYTES);

  /** Where a failed run leaves a copy of its data directory, to look into. */
  private static final Path KEPT = Path.of("target", "crash-recovery-failure");

  @RegisterExtension
  final ChildProcesses children = new ChildProcesses();

  @TempDir
  Path work;

  /** One run of the jar: its process, where it listens, and where its log (stderr) goes. */
  private record Child(Process process, String baseUrl, Path log, long maxLogBytes) {
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyAcknowledgedChangeSurvivesKillMinusNine() throws Exception {
    long seed = Long.parseLong(System.getProperty("crash.seed", Long.toString(new SecureRandom().nextLong())));
    int cycles = Integer.getInteger("crash.cycles", DEFAULT_CYCLES);
    System.out.println("CrashRecoveryIT: " + cycles + " cycles, seed " + seed + " (replay: -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
    Path dir = work.resolve("data");
    Ledger ledger = new Ledger(THREADS);

    Child child = start(dir, 0, random);
    Set<String> sharedAtStart = RecoveryCheck.read(new ServiceCalls(child.baseUrl())).sharedIds();
    for (int cycle = 1; cycle <= cycles; cycle++) {
      ledger.newCycle();
      Instant since = Instant.now();
      int loadMillis = SHORTEST_LOAD_MILLIS + random.nextInt(LONGEST_LOAD_MILLIS - SHORTEST_LOAD_MILLIS + 1);
      WriteLoad load = new WriteLoad(child.baseUrl(), ledger, cycle);
      load.start(random);
      Thread.sleep(loadMillis);
      load.killUnder(child.process());
      Child killed = child;

      long restarting = System.nanoTime();
      child = start(dir, cycle, random);
      long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting);
      ServiceCalls calls = new ServiceCalls(child.baseUrl());
      List<String> problems = new ArrayList<>(load.problems());
      problems.addAll(RecoveryCheck.read(calls).check(ledger, since, sharedAtStart));
      System.out.println("cycle " + cycle + "/" + cycles + ": load " + loadMillis + " ms, " + ledger.summary()
          + "; restart " + restartMillis + " ms, --max-log-bytes " + child.maxLogBytes());

      WriteLoad probe = new WriteLoad(child.baseUrl(), ledger, cycle);
      probe.createOne();
      problems.addAll(probe.problems().stream().map(p -> "after the restart: " + p).toList());
      if (!problems.isEmpty()) {
        throw new AssertionError(failure(seed, cycle, problems, killed, child, dir));
      }
    }
  }

  /** Starts the jar on {@code dir} and waits until it listens; an assertion error (with its log) if it cannot. */
  private Child start(Path dir, int cycle, Random random) throws IOException {
    Path log = work.resolve("emulator-" + cycle + ".log");
    long maxLogBytes = MAX_LOG_BYTES.get(random.nextInt(MAX_LOG_BYTES.size()));
    Process process = children.start(EmulatorJar.command("--port", "0", "--data-dir", dir.toString(),
        "--max-log-bytes", Long.toString(maxLogBytes)).redirectError(log.toFile()));
    try {
      return new Child(process, EmulatorJar.awaitListening(EmulatorJar.stdout(process)), log, maxLogBytes);
    } catch (AssertionError e) {
      throw new AssertionError("the emulator did not start on " + dir + " in cycle " + cycle + ": " + e.getMessage()
          + "\nthe data directory is copied to " + DataDirFiles.copy(dir, KEPT) + "\nits log:\n" + tail(log), e);
    }
  }

  /** The message of a failed cycle: what is wrong, how to replay it, and the two emulators' logs. */
  private String failure(long seed, int cycle, List<String> problems, Child killed, Child restarted, Path dir)
      throws IOException {
    Path kept = DataDirFiles.copy(dir, KEPT);
    return "cycle " + cycle + " (replay with -Dcrash.seed=" + seed + "), " + problems.size() + " problem(s):\n  "
        + String.join("\n  ", problems) + "\nthe data directory is copied to " + kept
        + "\nthe killed emulator's log:\n" + tail(killed.log()) + "\nthe restarted emulator's log:\n"
        + tail(restarted.log());
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
