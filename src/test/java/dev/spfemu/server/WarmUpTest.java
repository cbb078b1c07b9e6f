package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void aFailingStepDoesNotStopTheOthersNorEscape() {
    List<String> ran = new ArrayList<>();
    WarmUp.run(List.of(
        () -> ran.add("first"),
        () -> {
          throw new IllegalStateException("no locales here");
        },
        () -> {
          throw new NoClassDefFoundError("org/eclipse/jetty/Gone");
        },
        () -> ran.add("last")));
    assertEquals(List.of("first", "last"), ran);
  }

  @Test
  void theWarmUpRunsOnADaemonThreadOfItsOwnAndEnds() throws InterruptedException {
    Thread thread = WarmUp.startInBackground();
    assertTrue(thread.isDaemon(), "never keeps the JVM alive");
    assertEquals("spf-emulator-warm-up", thread.getName());
    thread.join(60_000);
    assertFalse(thread.isAlive(), "the steps end");
  }
}
