package dev.spfemu;

import dev.spfemu.SpfEmulator.EmulatorStartException;
import dev.spfemu.vmm.Vmm;
import dev.spfemu.vmm.spfadmin.SpfAdmin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * The world an emulator starts with and goes back to on reset: none, the built-in demo world, or the
 * options' seed file (docs/scenario.md). One file feeds both of SPF's web services: its
 * subscriptions go to the VMM service, its {@code admin} section to the Admin service.
 */
final class StartingWorld {

  /** The built-in demo world (docs/scenario.md). */
  private static final String DEMO_WORLD = "/dev/spfemu/world/demo-world.json";

  private final EmulatorOptions options;
  private final Vmm vmm;
  private final SpfAdmin spfAdmin;

  StartingWorld(EmulatorOptions options, Vmm vmm, SpfAdmin spfAdmin) {
    this.options = options;
    this.vmm = vmm;
    this.spfAdmin = spfAdmin;
  }

  /**
   * Loads the starting world: all of it, or only subscription {@code only}'s part when that is not
   * null (the Admin service's part then stays as it is).
   *
   * @throws EmulatorStartException when the world cannot be read or is not valid
   */
  void load(String only) {
    if (!options.seed()) {
      return;
    }
    try {
      if (options.seedFile() != null) {
        load(Files.readAllBytes(StartProblems.readableFile(options.seedFile())), options.seedFile().toString(), only);
      } else {
        try (InputStream in = SpfEmulator.class.getResourceAsStream(DEMO_WORLD)) {
          load(in.readAllBytes(), "the demo world", only);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new EmulatorStartException("Cannot load the starting world: " + e.getMessage(), e);
    }
  }

  /** Loads the whole starting world at start; if it cannot be loaded, stops the domain's jobs first. */
  void loadAtStart() {
    try {
      load(null);
    } catch (EmulatorStartException e) {
      vmm.close();
      throw e;
    }
  }

  /** Loads a world file into the VMM service and, unless one subscription only is reloaded, the Admin service. */
  void load(byte[] world, String source, String only) throws IOException {
    vmm.loadWorld(new ByteArrayInputStream(world), source, only);
    if (only == null) {
      spfAdmin.loadWorld(new ByteArrayInputStream(world), source);
    }
  }
}
