package dev.spfemu.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second JVM a plain {@code java -jar} runs the emulator in ({@link Launcher}): the same {@code java},
 * the same jar, {@link Main} as the main class, and the JVM options that the jar cannot set for itself.
 *
 * <p>The launching JVM relays: the server's standard output and error are its own, a SIGTERM or Ctrl-C
 * stops the server gracefully before the launcher exits, and the launcher exits with the server's code. The
 * server's standard input is a pipe from the launcher, so that if the launcher dies without a word
 * ({@code kill -9}), the server sees the pipe close and stops gracefully too ({@link LauncherWatch}): no
 * emulator outlives the process a tool started, holding its port or its data directory.
 */
final class ServerJvm {

  /** Set on the server JVM: it watches its standard input for the launcher's end. */
  static final String LAUNCHED = "dev.spfemu.launched";
  /**
   * Promote what survives one young collection: the entities the emulator stores live for ever, and G1's
   * default (up to 15 copies between survivor spaces first) made its pauses, and so the POST tail, 2–3 times
   * longer under a steady stream of creates.
   */
  static final String TENURE_AT_ONCE = "-XX:MaxTenuringThreshold=0";
  /**
   * Compile a method after ten times the calls the JVM's default waits for. During the start nearly every
   * method runs a few times only, and the default had the two compiler threads burn about 0.75 s of CPU on
   * them, on a 2-core machine as much as the start-up thread itself: with this, the start takes about a
   * fifth less, and what a workload calls often is compiled all the same, a fraction of a second later
   * (docs/performance.md, "Start-up").
   */
  static final String COMPILE_LATER = "-XX:CompileThresholdScaling=10";
  /** A missing, stale or foreign archive is the JVM's business to refuse; it must not print about it. */
  static final List<String> QUIET_ARCHIVE = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final List<String> command;
  private final ClassArchive.Use archive;

  private ServerJvm(List<String> command, ClassArchive.Use archive) {
    this.command = List.copyOf(command);
    this.archive = archive;
  }

  /**
   * The server JVM for this launch, or null when the emulator should run in this JVM: the user gave the JVM
   * options of their own (on the command line, in {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}),
   * the command is {@code capture} (short, and it asks for this JVM's console), this JVM is not HotSpot
   * (the options are HotSpot's), or the jar or the command line cannot be found.
   */
  static ServerJvm forPlainJar(String[] args) {
    if (args.length > 0 && args[0].equals("capture") || asksForHelpOrVersion(args)) {
      return null;
    }
    Optional<Path> jar = jar();
    Optional<String[]> arguments = ProcessHandle.current().info().arguments();
    if (jar.isEmpty() || arguments.isEmpty() || !plainJar(arguments.get(), System.getenv(),
        System.getProperty("java.vm.name", ""))) {
      return null;
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // no lambda on this path: the first one costs the launcher a tenth of its start-up
    ClassArchive cache = ClassArchive.inCache(System.getenv(), System.getProperty("user.home"));
    ClassArchive.Use archive = cache == null ? ClassArchive.Use.NONE
        : cache.use(jar.get(), System.getProperty("java.vm.version", ""));
    return new ServerJvm(command(java, jar.get(), archive, args), archive);
  }

  /**
   * Whether the command line asks for the usage or the version ({@code -h}, {@code -V}, combined or long):
   * answered at once, in this JVM. The server JVM of such a run would also write the class-data archive
   * of a JVM that loaded nothing but the command line, and every later run would map that one.
   */
  static boolean asksForHelpOrVersion(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("--version") || arg.startsWith("-") && !arg.startsWith("--")
          && (arg.indexOf('h') > 0 || arg.indexOf('V') > 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the JVM was started as {@code java -jar JAR ...} with no option of the user's: its arguments
   * begin with {@code -jar}, no options come from the environment, and it is HotSpot.
   */
  static boolean plainJar(String[] jvmArguments, Map<String, String> environment, String vmName) {
    return jvmArguments.length > 1 && jvmArguments[0].equals("-jar")
        && blank(environment.get("JAVA_TOOL_OPTIONS")) && blank(environment.get("JDK_JAVA_OPTIONS"))
        && (vmName.contains("HotSpot") || vmName.contains("OpenJDK"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** {@code java [options] -cp JAR dev.spfemu.cli.Main ARGS}. */
  static List<String> command(Path java, Path jar, ClassArchive.Use archive, String[] args) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add(TENURE_AT_ONCE);
    command.add(COMPILE_LATER);
    command.addAll(archive.options());
    if (!archive.options().isEmpty()) {
      command.addAll(QUIET_ARCHIVE);
    }
    command.add("-D" + LAUNCHED + "=true");
    command.add("-cp");
    command.add(jar.toString());
    command.add(Main.class.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** Runs the server until it exits, relaying a stop of this JVM to it; returns its exit code. */
  int run() throws IOException, InterruptedException {
    Process server = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start(); // stdin: a pipe, closed by our death
    Thread relay = new Thread(new Relay(server, archive), "spf-emulator-launcher-stop");
    Runtime.getRuntime().addShutdownHook(relay);
    int code = server.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(relay);
    } catch (IllegalStateException stopping) {
      return code; // a stop came meanwhile: the relay keeps the archive and halts with the code
    }
    archive.keep(code);
    return code;
  }

  /** This JVM is stopping (SIGTERM, Ctrl-C): the server stops first, gracefully, and its code is ours. */
  private record Relay(Process server, ClassArchive.Use archive) implements Runnable {

    @Override
    public void run() {
      server.destroy(); // SIGTERM: the server stops gracefully (requests in flight finish)
      int code;
      while (true) {
        try {
          code = server.waitFor();
          break;
        } catch (InterruptedException e) {
          // nobody who wants this hook gone interrupts it: keep waiting for the server
        }
      }
      archive.keep(code);
      Runtime.getRuntime().halt(code);
    }
  }

  /** The jar this class was loaded from, if it is a jar file. */
  private static Optional<Path> jar() {
    try {
      var source = ServerJvm.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }
}
