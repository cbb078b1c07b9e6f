package dev.spfemu.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * In the server JVM that {@link Launcher} started: its standard input is a pipe from the launcher, which
 * never writes to it. When the pipe closes, the launcher is gone (even by {@code kill -9}, which it cannot
 * relay), and the server stops as on a SIGTERM: gracefully, releasing its port and data directory.
 */
final class LauncherWatch {

  private LauncherWatch() {
  }

  /** Starts the watch, if this JVM was started by the launcher. */
  static void startIfLaunched() {
    if (Boolean.getBoolean(ServerJvm.LAUNCHED)) {
      Thread watch = new Thread(() -> {
        awaitEnd(System.in);
        System.exit(0);
      }, "spf-emulator-launcher-watch");
      watch.setDaemon(true);
      watch.start();
    }
  }

  /** Returns when {@code in} ends or fails. */
  static void awaitEnd(InputStream in) {
    try {
      while (in.read() != -1) {
        // the launcher writes nothing; anything else is ignored
      }
    } catch (IOException e) {
      // a broken pipe ends it too
    }
  }
}
