package dev.spfemu.vmm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed demo world is what the domain's rules make of the demo fabric and VMs
 * ({@link DemoWorldGenerator}). When a rule changes what a VM gets, regenerate it with
 * {@code mvn -q -B test -Dtest=DemoWorldGeneratorTest -Ddemo.regenerate=true} and review the diff.
 */
class DemoWorldGeneratorTest {

  @Test
  void theCommittedDemoWorldIsTheGeneratorsOutput() throws IOException {
    String generated = new DemoWorldGenerator().generate();
    if (Boolean.getBoolean("demo.regenerate")) {
      Files.writeString(DemoWorldGenerator.DEMO_WORLD, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readString(DemoWorldGenerator.DEMO_WORLD, StandardCharsets.UTF_8),
        "The demo world is not what the domain's rules make of demo-fabric.json and demo-vms.json. Regenerate it with"
            + " `mvn -q -B test -Dtest=DemoWorldGeneratorTest -Ddemo.regenerate=true` and review the diff.");
  }
}
