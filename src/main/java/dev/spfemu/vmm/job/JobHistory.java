package dev.spfemu.vmm.job;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.Comparator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs each subscription keeps, newest last: VMM keeps a job history, not every job ever, and
 * an emulator under load must not grow without end. When a subscription has more than its limit,
 * its oldest completed job is forgotten; a job still running stays until it completes.
 */
final class JobHistory {

  private final StoredSet jobs;
  private final JobRecord record;
  private final int limit;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  JobHistory(StoredSet jobs, JobRecord record, int limit) {
    this.jobs = jobs;
    this.record = record;
    this.limit = limit;
  }

  /** Keeps a new job, forgetting the subscription's oldest completed one when there are too many. */
  void remember(String subscription, EntityKey job) {
    Kept jobsKept = kept.computeIfAbsent(subscription, s -> new Kept());
    jobsKept.keys.add(job);
    if (jobsKept.size.incrementAndGet() <= limit) {
      return;
    }
    EntityKey oldest = jobsKept.keys.poll();
    if (oldest == null) {
      return;
    }
    boolean running = jobs.find(subscription, oldest)
        .map(old -> !Boolean.TRUE.equals(old.value(record.completedIndex()))).orElse(false);
    if (running) {
      jobsKept.keys.add(oldest); // still running: it stays, for now
    } else {
      jobsKept.size.decrementAndGet();
      jobs.discard(subscription, oldest);
    }
  }

  /**
   * Takes the stored jobs as the history, oldest first by start time, forgetting the oldest completed
   * ones beyond the limit: after a restart from a data directory, the history in memory is gone but the
   * jobs are not.
   */
  void rebuild() {
    kept.clear();
    Comparator<EntityRecord> byStart = Comparator.comparing(job -> record.startTime(job::value),
        Comparator.nullsFirst(Comparator.naturalOrder()));
    for (String subscription : jobs.subscriptions()) {
      for (EntityRecord job : jobs.list(subscription).stream().sorted(byStart).toList()) {
        remember(subscription, job.key());
      }
    }
  }

  /** Forgets every subscription's history (the store is being cleared). */
  void clear() {
    kept.clear();
  }

  /** Forgets one subscription's history. */
  void clear(String subscription) {
    kept.keySet().removeIf(subscription::equalsIgnoreCase);
  }

  /** The jobs of one subscription, oldest first. */
  /**
   * Fails the stored jobs still running (a world kept by {@code --data-dir} after a restart) with
   * {@code failure}: their operation ended with the emulator that ran them, so they can never
   * complete. VMM likewise fails the jobs its service was running when it stopped [I].
   */
  void failInterrupted(JobFailure failure) {
    for (String subscription : jobs.subscriptions()) {
      for (EntityRecord job : jobs.list(subscription)) {
        if (!record.isCompleted(job.values())) {
          jobs.modify(subscription, job.key(), v -> record.finish(v, failure, jobs.currentTime()));
        }
      }
    }
  }

  private static final class Kept {
    final Queue<EntityKey> keys = new ConcurrentLinkedQueue<>();
    final AtomicInteger size = new AtomicInteger();
  }
}
