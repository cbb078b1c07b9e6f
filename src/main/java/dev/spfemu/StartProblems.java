package dev.spfemu;

import dev.spfemu.SpfEmulator.EmulatorStartException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What stops an emulator from starting, said so that whoever starts it knows what to change. */
final class StartProblems {

  private StartProblems() {
  }

  /**
   * {@code file}, if it is a regular file that can be read; otherwise what is wrong with it and how to
   * fix it. A FIFO or device is refused before it is opened: reading one would wait for a writer.
   */
  static Path readableFile(Path file) {
    String problem;
    if (Files.isDirectory(file)) {
      problem = "is a directory, not a world file. Give the path of the world file itself";
    } else if (!Files.exists(file)) {
      problem = "was not found. Check the path (relative paths start from " + Path.of("").toAbsolutePath()
          + "), or leave out the seed file to start with the demo world";
    } else if (!Files.isRegularFile(file)) {
      problem = "is not a regular file (a FIFO, device or socket): the emulator reads its world again on"
          + " every reset, so give a regular file (copy the world into one)";
    } else if (!Files.isReadable(file)) {
      problem = "cannot be read (permission denied). Make it readable by the user running the emulator";
    } else {
      return file;
    }
    throw new EmulatorStartException("Cannot load the starting world: the seed file " + file + " " + problem
        + " (docs/scenario.md describes world files).", null);
  }

  /** Why the server could not listen, and what to do about it. */
  static String cannotListen(EmulatorOptions options, Exception e) {
    String where = options.host() + ":" + options.port();
    String reason = String.valueOf(e.getMessage());
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException bind) {
        reason = String.valueOf(bind.getMessage());
      }
    }
    if (reason.contains("in use")) {
      String https = options.tls().https() ? " (or HTTPS port " + options.tls().httpsPort() + ")" : "";
      return "Cannot start the SPF VMM emulator: port " + options.port() + " on " + options.host() + https
          + " is in use (another emulator or service listens there). Stop it, choose another port (--port N,"
          + " --https-port N), or use --port 0 for any free port.";
    }
    if (reason.contains("assign requested address")) {
      return "Cannot start the SPF VMM emulator: " + options.host() + " is not an address of this machine ("
          + reason + "). Use 127.0.0.1, 0.0.0.0 for every address, or one of this machine's addresses (--host).";
    }
    return "Cannot start the SPF VMM emulator on " + where + " (" + reason + "). Is the port in use? Try --port 0"
        + " for any free port.";
  }
}
