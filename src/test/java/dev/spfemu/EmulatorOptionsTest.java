package dev.spfemu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorOptionsTest {

  @Test
  void changesMayWaitOnlyForTheDiskOrForJobsThatTakeTime() {
    assertFalse(EmulatorOptions.defaults().changesMayWait(), "in memory, jobs done at once");
    assertTrue(EmulatorOptions.builder().dataDir(Path.of("kept")).build().changesMayWait());
    assertTrue(EmulatorOptions.builder().jobDuration(Duration.ofMillis(1)).build().changesMayWait());
  }
}
