package dev.spfemu.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run as a user runs it, in a child JVM (the {@code *IT} tests, which failsafe runs once
 * {@code mvn package} has built the jar).
 */
public final class EmulatorJar {

  public static final Path JAR = Path.of("target", "spf-vmm-emulator.jar");
  /** The user cache the jars of the tests share: their class-data archive, not the user's ({@link ClassArchive}). */
  public static final Path CACHE = Path.of("target", "it-cache");
  /** The first line the jar prints once it is listening: what tools (and these tests) wait for. */
  public static final Pattern LISTENING =
      Pattern.compile("SPF VMM emulator listening on (http://127\\.0\\.0\\.1:(\\d+)/)");

  private EmulatorJar() {
  }

  /** {@code java -jar target/spf-vmm-emulator.jar ARGS}, with this JVM's {@code java}. */
  public static ProcessBuilder command(String... args) {
    return command(List.of(), args);
  }

  /** {@code java JVM_OPTIONS -jar target/spf-vmm-emulator.jar ARGS}, with this JVM's {@code java}. */
  public static ProcessBuilder command(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("XDG_CACHE_HOME", CACHE.toAbsolutePath().toString());
    return builder;
  }

  /**
   * Kills the jar's process as a crash would (SIGKILL), the emulator's JVM first: a plain {@code java -jar}
   * runs it in a second JVM, which would otherwise notice the launcher's end and stop gracefully.
   */
  public static void kill(Process process) throws InterruptedException {
    for (ProcessHandle descendant : process.descendants().toList()) {
      descendant.destroyForcibly();
      descendant.onExit().join();
    }
    process.destroyForcibly();
    process.waitFor();
  }

  /** The child's stdout, line by line. */
  public static BufferedReader stdout(Process process) {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Waits for the "listening on" line and returns its base URL ({@code http://127.0.0.1:PORT/}).
   *
   * @throws AssertionError when the first line is another, or the child ends without one (it failed to start)
   */
  public static String awaitListening(BufferedReader out) throws IOException {
    String line = out.readLine();
    Matcher matcher = LISTENING.matcher(String.valueOf(line));
    if (!matcher.matches()) {
      throw new AssertionError("the emulator's first line is not \"SPF VMM emulator listening on …\": " + line);
    }
    return matcher.group(1);
  }
}
