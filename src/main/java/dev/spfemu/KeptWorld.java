package dev.spfemu;

import dev.spfemu.SpfEmulator.EmulatorStartException;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.persist.ChangeLog;
import dev.spfemu.persist.KeptService;
import dev.spfemu.persist.KeptSettings;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.store.UnitOfWork;
import dev.spfemu.store.log.DataDirLock;
import dev.spfemu.store.log.LogCorruptedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code --data-dir} keeps of an emulator's world (docs/operations.md, "The data directory"): its
 * stores report to a {@link ChangeLog}, a start puts the kept world back, and wholesale replacements run
 * exclusively. Without a data directory nothing is kept and every call here is a pass-through.
 */
final class KeptWorld implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeptWorld.class);
  /** How many inconsistencies of a kept world are quoted in the warning. */
  private static final int QUOTED = 5;

  private final EmulatorOptions options;
  private final ChangeLog log;
  private final CountedIds ids;
  private final Map<String, InMemoryEntityStore> stores = new HashMap<>();
  private SettableClock clock;
  private Runnable clockListener;

  private KeptWorld(EmulatorOptions options, ChangeLog log) {
    this.options = options;
    this.log = log;
    this.ids = new CountedIds(options.idSeed());
  }

  /**
   * Locks the options' data directory, if they have one.
   *
   * @throws EmulatorStartException when another emulator holds it or it cannot be created
   */
  static KeptWorld open(EmulatorOptions options) {
    if (options.dataDir() == null) {
      return new KeptWorld(options, null);
    }
    try {
      return new KeptWorld(options, ChangeLog.open(options.dataDir(), options.truncateCorruptLog(),
          options.limits().maxLogBytes()));
    } catch (DataDirLock.DataDirInUseException | UncheckedIOException e) {
      throw new EmulatorStartException(e.getMessage(), e);
    }
  }

  /** The GUIDs the emulator assigns (counted, so a restart of a seeded sequence does not repeat them). */
  IdGenerator ids() {
    return ids;
  }

  /** The store of web service {@code name}, reporting its changes to the log when one is kept. */
  InMemoryEntityStore store(String name) {
    InMemoryEntityStore store = log == null ? new InMemoryEntityStore()
        : new InMemoryEntityStore(log.listener(name), log);
    stores.put(name, store);
    return store;
  }

  /** How requests and job steps make their changes durable. */
  UnitOfWork units() {
    return log == null ? UnitOfWork.NONE : log;
  }

  /**
   * Loads the world: the kept one if the data directory has one, otherwise {@code world}, the starting world.
   *
   * @throws EmulatorStartException when the kept world cannot be read (the message names file and offset)
   */
  void start(Domains domains, StartingWorld world, SettableClock clock) {
    if (log == null) {
      world.loadAtStart();
      return;
    }
    log.keep(new KeptService(Domains.VMM, domains.edm().model(), stores.get(Domains.VMM), new WorldEntityJson()));
    log.keep(new KeptService(Domains.ADMIN, domains.adminEdm().model(), stores.get(Domains.ADMIN),
        new WorldEntityJson()));
    try {
      LOG.info(log.start(new Settings(clock), world::loadAtStart, () -> {
        List<String> inconsistent = domains.vmm().restored();
        if (!inconsistent.isEmpty()) {
          LOG.warn("The world kept in {} is inconsistent ({} problems), for example: {}", options.dataDir(),
              inconsistent.size(), inconsistent.subList(0, Math.min(QUOTED, inconsistent.size())));
        }
      }));
      this.clock = clock;
      this.clockListener = log::clockChanged;
      clock.onChange(clockListener); // a clock given in the options may outlive this emulator: removed on close
    } catch (LogCorruptedException | IllegalStateException | UncheckedIOException e) {
      close();
      domains.vmm().close();
      throw new EmulatorStartException("Cannot load the world kept in " + options.dataDir() + ": "
          + e.getMessage(), e);
    }
  }

  /** Something that replaces the state wholesale. */
  interface Replacement {
    void run() throws IOException;
  }

  /** {@link #exclusively} for a replacement that reads no file. */
  void replace(Runnable replacement) {
    try {
      exclusively((Replacement) replacement::run);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: the replacement reads nothing
    }
  }

  /** Runs {@code replacement} with no request changing anything, and keeps its outcome as a snapshot. */
  void exclusively(Replacement replacement) throws IOException {
    if (log == null) {
      replacement.run();
      return;
    }
    IOException[] failed = new IOException[1];
    log.exclusively(() -> {
      try {
        replacement.run();
      } catch (IOException e) {
        failed[0] = e;
      }
    });
    if (failed[0] != null) {
      throw failed[0];
    }
  }

  @Override
  public void close() {
    if (clock != null) {
      clock.removeListener(clockListener);
    }
    if (log != null) {
      log.close();
    }
  }

  /** The clock and the GUID draws, as the log keeps them. */
  private final class Settings implements KeptSettings {
    private final SettableClock clock;

    Settings(SettableClock clock) {
      this.clock = clock;
    }

    @Override
    public long idDraws() {
      return ids.seeded ? ids.draws.get() : 0;
    }

    @Override
    public void skipIds(long draws) {
      ids.skip(draws);
    }

    @Override
    public String clock() {
      SettableClock.Setting setting = clock.setting();
      return (setting.fixed() == null ? "-" : setting.fixed().toString()) + "/" + setting.offset();
    }

    @Override
    public void restoreClock(String setting) {
      String[] parts = setting.split("/", 2);
      clock.restore(new SettableClock.Setting(parts[0].equals("-") ? null : Instant.parse(parts[0]),
          Duration.parse(parts[1])));
    }
  }

  /** Random GUIDs, or a seeded sequence that counts its draws (what a restart skips). */
  private static final class CountedIds implements IdGenerator {
    private final IdGenerator generator;
    private final boolean seeded;
    private final AtomicLong draws = new AtomicLong();

    CountedIds(Long seed) {
      this.seeded = seed != null;
      this.generator = seed == null ? IdGenerator.random() : IdGenerator.seeded(seed);
    }

    @Override
    public UUID next() {
      if (seeded) {
        draws.incrementAndGet();
      }
      return generator.next();
    }

    void skip(long count) {
      if (seeded) {
        while (draws.get() < count) {
          next();
        }
      }
    }
  }
}
