package dev.spfemu.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress is for a terminal: a bar, the set and its count on one rewritten line; nothing otherwise. */
class ProgressTest {

  @Test
  void onATerminalOneLineIsRewrittenAndClearedAtTheEnd() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), true);
    progress.show("subscription s", "VirtualMachines", 14, 1, 4);
    String shown = err.toString(StandardCharsets.UTF_8);
    assertEquals("\r[#####               ] subscription s VirtualMachines: 14", shown);
    progress.done();
    assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("\r"), "the line is cleared for the summary");
  }

  @Test
  void elsewhereItIsQuiet() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false);
    progress.show("subscription s", "VirtualMachines", 14, 1, 4);
    progress.done();
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }
}
