package dev.spfemu.capture;

import java.io.PrintStream;

/** Progress on a terminal: the entity set being read, its count so far, and a bar of the sets done. */
final class Progress {

  private static final int BAR = 20;
  private final PrintStream err;
  private final boolean terminal;
  private int lastLength;

  Progress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  void show(String where, String set, int entities, int setsDone, int setsTotal) {
    if (!terminal) {
      return;
    }
    int filled = setsTotal == 0 ? BAR : setsDone * BAR / setsTotal;
    String line = "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + where + " " + set + ": " + entities;
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
  }

  void done() {
    if (terminal && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
    }
  }
}
