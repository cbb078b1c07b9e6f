package dev.spfemu.persist;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.StoreListener;
import dev.spfemu.store.UnitOfWork;
import dev.spfemu.store.log.DataDirLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world kept in a data directory (docs/design/data-dir.md). The stores tell it every change; the
 * changes a thread makes between {@link #begin()} and {@link #commit()} (a request, a job step) become one
 * record of the change log, fsynced, with concurrent commits sharing fsyncs, before {@code commit} returns,
 * so a reply sent after it is never lost. A unit holds the read side of a gate; a snapshot holds the write
 * side, so it sees no unit half-done. Operations that replace the state wholesale (reset, import) run
 * {@link #exclusively} and end in a snapshot, rather than being logged change by change.
 */
public final class ChangeLog implements UnitOfWork, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

  private final DataFiles files;
  private final DataDirLock lock;
  private final boolean truncateCorrupt;
  private final Map<String, KeptService> services = new LinkedHashMap<>();
  private final ChangeCodec codec = new ChangeCodec(services);
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  /**
   * Held by the unit changing the stores from its begin until its record is queued: a unit that changed an
   * entity another unit changed too must reach the log after it, or a crash could keep its after-image (and
   * in it the other's changes) without the other's record (a checkpoint re-parented by a delete, kept
   * without the create and job it came from). Readers take no unit and never wait here.
   */
  private final ReentrantLock writers = new ReentrantLock();
  private final ThreadLocal<Unit> units = new ThreadLocal<>();
  private final AtomicBoolean warnedUnitless = new AtomicBoolean();
  private KeptSettings settings;
  /** Off while a world is loaded or replayed: those changes are the snapshot's, not the log's. */
  private volatile boolean recording;
  private final Generations generations;
  private final Snapshots snapshots;

  /** The changes one thread made in its open unit. */
  private static final class Unit {
    private final List<Change> changes = new ArrayList<>();
    private int depth;
  }

  private ChangeLog(Path dir, boolean truncateCorrupt, long maxLogBytes) {
    this.lock = DataDirLock.acquire(dir);
    this.files = new DataFiles(dir);
    this.generations = new Generations(files, codec);
    this.snapshots = new Snapshots(gate, generations, services.values(), this::snapshotHeader, maxLogBytes);
    this.truncateCorrupt = truncateCorrupt;
  }

  /**
   * Locks {@code dir} (creating it) for this emulator; {@link #start} then loads or recovers the world.
   *
   * @param truncateCorrupt cut a log damaged in the middle at the damage instead of refusing to start
   * @param maxLogBytes how large a log grows before it is folded into a new snapshot
   * @throws DataDirLock.DataDirInUseException when another emulator holds it
   */
  public static ChangeLog open(Path dir, boolean truncateCorrupt, long maxLogBytes) {
    return new ChangeLog(dir, truncateCorrupt, maxLogBytes);
  }

  /** What the store of service {@code name} tells this log (register the service with {@link #keep}). */
  public StoreListener listener(String name) {
    return new StoreListener() {
      @Override
      public void changed(String subscription, String entitySet, EntityRecord after, EntityKey key, long sequence) {
        ChangeLog.this.changed(new Change(services.get(name), subscription, entitySet, key, after, sequence));
      }

      @Override
      public void cleared(String subscription) {
        if (recording && !gate.isWriteLockedByCurrentThread()) {
          throw new IllegalStateException("a store is cleared outside ChangeLog.exclusively: the log would miss it");
        }
      }
    };
  }

  /** Keeps {@code service}'s entities; every service is registered before {@link #start}. */
  public void keep(KeptService service) {
    services.put(service.name(), service);
  }

  /**
   * Puts the kept world back: the newest snapshot, then every change logged since. A new or empty directory
   * starts from {@code startingWorld} instead, which is written as the first snapshot at once.
   *
   * @param replayed told once a kept world is back (to recount what the domain derives from the entities)
   * @throws dev.spfemu.store.log.LogCorruptedException when a log is damaged in the middle (not with
   *     {@code truncateCorrupt}) or a snapshot is damaged
   * @return a one-line account of what was loaded, for the log
   */
  public String start(KeptSettings settings, Runnable startingWorld, Runnable replayed) {
    this.settings = settings;
    long snapshot = files.newestSnapshot();
    if (snapshot == 0) {
      if (!files.logs().isEmpty()) {
        throw new IllegalStateException("The data directory " + files.dir() + " has change logs but no snapshot to"
            + " apply them to; restore it from a backup, or move it away to start afresh.");
      }
      startingWorld.run();
      gate.writeLock().lock();
      try {
        snapshots.locked();
      } finally {
        gate.writeLock().unlock();
      }
      recording = true;
      return "started a new data directory " + files.dir();
    }
    Recovery.Outcome outcome = new Recovery(files, codec, truncateCorrupt).replay(snapshot);
    Replay replay = outcome.replay();
    if (replay.idDraws() > 0) {
      settings.skipIds(replay.idDraws());
    }
    if (replay.clock() != null) {
      settings.restoreClock(replay.clock());
    }
    services.values().forEach(service -> service.store().continueSequenceAfter(replay.lastSequence(service.name())));
    generations.continueWith(outcome.generation(), outcome.validBytes(), files.size(files.snapshot(snapshot)));
    recording = true;
    begin(); // what the domain changes once its world is back (jobs that can no longer complete) is kept too
    try {
      replayed.run();
    } finally {
      commit();
    }
    return "kept world of " + files.dir() + " back: snapshot " + snapshot + " and " + replay.changes()
        + " entity changes in all";
  }

  @Override
  public void begin() {
    Unit unit = units.get();
    if (unit != null) {
      unit.depth++;
      return;
    }
    gate.readLock().lock();
    writers.lock(); // units that change the stores run one at a time, up to their record's place in the log
    units.set(new Unit());
  }

  @Override
  public void commit() {
    Unit unit = units.get();
    if (unit == null) {
      return;
    }
    if (unit.depth > 0) {
      unit.depth--;
      return;
    }
    units.remove();
    try {
      CompletableFuture<Void> queued;
      try {
        queued = unit.changes.isEmpty() ? null : generations.enqueue(record(ChangeCodec.netOf(unit.changes), false));
      } finally {
        writers.unlock(); // the next unit's record comes after this one: it may build on this one's changes
      }
      if (queued != null) {
        generations.await(queued); // with the fsyncs of the units queued meanwhile: group commit
      }
    } finally {
      gate.readLock().unlock();
    }
    snapshots.ifDue();
  }

  /** The clock was set: logged on its own (the jobs it moves on log their own changes). */
  public void clockChanged() {
    if (!recording || gate.isWriteLockedByCurrentThread()) {
      return; // a snapshot follows, with the clock in it
    }
    gate.readLock().lock();
    try {
      append(record(List.of(), true));
    } finally {
      gate.readLock().unlock();
    }
  }

  /**
   * Runs {@code operation}, which may replace the state wholesale, with no unit of work in flight, then
   * writes a snapshot of the result before returning, so its changes need not be logged one by one.
   */
  public void exclusively(Runnable operation) {
    gate.writeLock().lock();
    try {
      operation.run();
    } finally {
      try {
        snapshots.locked();
      } finally {
        gate.writeLock().unlock();
      }
    }
  }

  private void changed(Change change) {
    if (!recording || gate.isWriteLockedByCurrentThread()) {
      return;
    }
    Unit unit = units.get();
    if (unit != null) {
      unit.changes.add(change);
      return;
    }
    // A change on a path no unit covers: kept on its own at once, so it is not lost either.
    if (warnedUnitless.compareAndSet(false, true)) {
      LOG.warn("A change of {} outside a unit of work was logged on its own", change.entitySet(),
          new IllegalStateException("no unit of work open on this thread"));
    }
    gate.readLock().lock();
    try {
      append(record(List.of(change), false));
    } finally {
      gate.readLock().unlock();
    }
  }

  private byte[] record(Collection<Change> changes, boolean clock) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 * (changes.size() + 1));
    try {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("ids", settings.idDraws());
      if (clock) {
        header.put("clock", settings.clock());
      }
      codec.writeHeader(out, header);
      for (Change change : changes) {
        codec.writeChange(out, change);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  private void append(byte[] record) {
    generations.await(generations.enqueue(record));
  }

  private Map<String, Object> snapshotHeader() {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("ids", settings.idDraws());
    header.put("clock", settings.clock());
    Map<String, Long> sequences = new LinkedHashMap<>();
    services.values().forEach(service -> sequences.put(service.name(), service.store().lastSequence()));
    header.put("sequences", sequences);
    return header;
  }

  /** Waits for a snapshot under way, then closes the log and releases the directory. */
  @Override
  public void close() {
    snapshots.close();
    try {
      generations.close();
    } finally {
      lock.close();
    }
  }
}
