package dev.spfemu.persist;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and how a new generation begins with a snapshot: in the background once the log outgrows its limit
 * (the state is copied with the gate closed, written with it open), or at once when the state was replaced
 * wholesale without being logged (the caller holds the gate until the snapshot is on disk).
 */
final class Snapshots implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

  private final ReentrantReadWriteLock gate;
  private final Generations generations;
  private final Collection<KeptService> services;
  private final Supplier<Map<String, Object>> header;
  private final long maxLogBytes;
  /** Held from a generation's new log to its snapshot on disk, so two snapshots never overlap. */
  private final ReentrantLock snapshotting = new ReentrantLock();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ExecutorService snapshotter = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "spf-emulator-snapshots");
    thread.setDaemon(true);
    return thread;
  });

  Snapshots(ReentrantReadWriteLock gate, Generations generations, Collection<KeptService> services,
      Supplier<Map<String, Object>> header, long maxLogBytes) {
    this.gate = gate;
    this.generations = generations;
    this.services = services;
    this.header = header;
    this.maxLogBytes = maxLogBytes;
  }

  /**
   * Starts a snapshot in the background (one at a time) once the log holds {@code maxLogBytes} and as much
   * as the last snapshot: a large world is then not written again for every few MiB of changes, so the
   * bytes written stay proportional to the changes, and a start replays at most about twice the world.
   */
  void ifDue() {
    if (generations.logBytes() >= Math.max(maxLogBytes, generations.snapshotBytes())
        && pending.compareAndSet(false, true)) {
      snapshotter.execute(() -> {
        try {
          inBackground();
        } catch (RuntimeException e) {
          LOG.warn("A snapshot of the data directory failed; the log keeps growing until one succeeds", e);
        } finally {
          pending.set(false);
        }
      });
    }
  }

  private void inBackground() {
    List<Generations.Part> copy;
    Map<String, Object> copiedHeader;
    long next;
    gate.writeLock().lock(); // always the gate first, then the snapshot lock: exclusive replacements do so too
    try {
      snapshotting.lock();
      try {
        copy = Generations.copy(services);
        copiedHeader = header.get();
        next = generations.next();
      } catch (RuntimeException e) {
        snapshotting.unlock();
        throw e;
      }
    } finally {
      gate.writeLock().unlock();
    }
    try {
      generations.writeSnapshot(next, copiedHeader, copy);
    } finally {
      snapshotting.unlock();
    }
  }

  /** A snapshot written now; the caller holds the gate's write side until it returns. */
  void locked() {
    snapshotting.lock();
    try {
      List<Generations.Part> copy = Generations.copy(services);
      generations.writeSnapshot(generations.next(), header.get(), copy);
    } finally {
      snapshotting.unlock();
    }
  }

  /** Waits for a snapshot under way. */
  @Override
  public void close() {
    snapshotter.shutdown();
    try {
      snapshotter.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
