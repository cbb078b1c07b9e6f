package dev.spfemu;

import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.live.LiveEvents;
import dev.spfemu.model.Guids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The wholesale changes of one emulator's state that its admin operations make (reset, a
 * subscription's reset, import, export, the live page's overview), each kept in the data directory
 * as one change and told to the live page. {@link SpfEmulator} documents them to its users.
 */
final class WorldControl {

  private final Domains domains;
  private final StartingWorld world;
  private final KeptWorld kept;
  private final SettableClock clock;
  private final SettableClock.Setting startingClock;
  private final RequestJournal journal;
  private final FaultRules faults;
  private final LiveEvents live;

  /** @param clock the emulator's clock, as it is now: {@link #reset()} puts it back so */
  WorldControl(Domains domains, StartingWorld world, KeptWorld kept, SettableClock clock, RequestJournal journal,
      FaultRules faults, LiveEvents live) {
    this.domains = domains;
    this.world = world;
    this.kept = kept;
    this.clock = clock;
    this.startingClock = clock.setting();
    this.journal = journal;
    this.faults = faults;
    this.live = live;
  }

  void reset() {
    journal.clear();
    faults.clear();
    kept.replace(() -> {
      domains.vmm().reset();
      domains.spfAdmin().reset();
      clock.restore(startingClock);
      world.load(null);
    });
    live.changed();
  }

  void reset(String subscriptionId) {
    if (subscriptionId == null || !Guids.isGuid(subscriptionId)) {
      throw new IllegalArgumentException("A subscription ID is a GUID, such as "
          + "ae122d5f-3aab-4d75-ad48-d6593246a49e; got '" + subscriptionId + "'.");
    }
    kept.replace(() -> {
      domains.vmm().reset(subscriptionId);
      world.load(subscriptionId);
    });
    live.changed();
  }

  void exportState(OutputStream out) throws IOException {
    domains.vmm().exportWorld(out, List.of(domains.spfAdmin().worldSection()));
  }

  void importState(InputStream in, String source) throws IOException {
    byte[] file = in.readAllBytes();
    kept.exclusively(() -> domains.replaceWorld(file, source));
    live.changed();
  }

  void writeOverview(OutputStream out) throws IOException {
    domains.vmm().writeOverview(out);
  }
}
