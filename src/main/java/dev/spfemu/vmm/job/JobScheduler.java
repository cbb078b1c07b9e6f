package dev.spfemu.vmm.job;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.UnitOfWork;
import dev.spfemu.vmm.entity.StoredSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs mutating VMM operations as VMM does, as jobs: each creates a {@code Jobs} entity that goes
 * from Running (0 %) to Completed (100 %) over the configured duration, and the operation's change
 * is applied when the job completes. With {@code RunAsynchronously} the request returns at once,
 * the job still running; otherwise it returns after the job completes. Running jobs follow the
 * emulator's clock, which a test may move.
 */
public final class JobScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
  private static final int PROGRESS_STEPS = 4;
  /** How often running jobs look at the clock; a real-time job ends at most this late. */
  private static final long TICK_MILLIS = 10;
  /** How long closing waits for a job step under way. */
  private static final long STOP_WAIT_SECONDS = 5;
  /** Jobs kept per subscription. */
  public static final int HISTORY = 1000;
  /** The error code of a job that was running when the emulator stopped. */
  public static final String INTERRUPTED_CODE = "ServiceStopped";

  private final StoredSet jobs;
  private final JobRecord record;
  private final JobHistory history;
  private final JobFaults faults = new JobFaults();
  private final Duration duration;
  private final UnitOfWork units;
  private final ScheduledExecutorService scheduler;
  /** The asynchronous jobs not yet completed, oldest first; only the job thread completes them. */
  private final Queue<RunningJob> running = new ConcurrentLinkedQueue<>();
  /** Told after a step moved any job on; set once when the emulator is wired (the live page). */
  private volatile Runnable progressListener = () -> { };

  public JobScheduler(StoredSet jobs, Duration duration) {
    this(jobs, duration, HISTORY, UnitOfWork.NONE);
  }

  /** @param history how many jobs each subscription keeps */
  public JobScheduler(StoredSet jobs, Duration duration, int history) {
    this(jobs, duration, history, UnitOfWork.NONE);
  }

  /** @param units what keeps each step of the running jobs whole ({@code --data-dir}) */
  public JobScheduler(StoredSet jobs, Duration duration, int history, UnitOfWork units) {
    this.jobs = jobs;
    this.units = units;
    this.record = new JobRecord(jobs.type());
    this.history = new JobHistory(jobs, record, history);
    this.duration = duration;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "spf-emulator-jobs");
      thread.setDaemon(true);
      return thread;
    });
    if (!duration.isZero()) {
      // jobs follow the emulator clock, which a test may move at any time: look at it often
      scheduler.scheduleWithFixedDelay(this::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** A periodic task that throws is never run again: a failing job must not stop every later one. */
  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("moving jobs on failed", e);
    }
  }

  /**
   * Starts a job; {@code operation} applies the operation's change when the job completes.
   *
   * @return the job's ID (what {@code MostRecentTaskId} points at)
   */
  public UUID run(JobSpec spec, boolean async, Runnable operation) {
    return run(spec, async, operation, failedJob -> { });
  }

  /**
   * Starts a job as {@link #run(JobSpec, boolean, Runnable)} does; if it fails (a fault a test asked
   * for, or the operation threw), {@code onFailure} is told the job's ID before the job is marked
   * Failed, to mark its target (a VM becomes "Creation Failed", its {@code FailedJobID} the job).
   */
  public UUID run(JobSpec spec, boolean async, Runnable operation, Consumer<UUID> onFailure) {
    RuntimeException fault = faults.take(spec.cmdlet());
    Runnable applied = fault == null ? operation : () -> {
      throw fault;
    };
    OffsetDateTime start = jobs.currentTime();
    Object[] values = record.started(spec, start);
    UUID jobId = jobs.newId();
    record.identify(values, jobId);
    Runnable completion = () -> {
      try {
        applied.run();
      } catch (RuntimeException e) {
        failed(onFailure, jobId);
        throw e;
      }
    };
    if (duration.isZero()) {
      // done before anyone can see it: stored once, already completed (the common, load-test path)
      record.finish(values, apply(completion), start);
      return remember(spec.subscription(), jobs.insert(spec.subscription(), values));
    }
    record.progress(values, 0);
    EntityRecord job = jobs.insert(spec.subscription(), values);
    UUID id = remember(spec.subscription(), job);
    if (async) {
      running.add(new RunningJob(spec.subscription(), job.key(), start, completion));
    } else {
      // the request waits for the job, so the job takes its duration in real time: a fixed clock
      // must not hang the request. The started job is kept first, and the wait is outside the request's
      // unit of work, so other requests' changes are not held up by it.
      units.commit();
      progressListener.run(); // the started job can be seen (the live page) while the request waits
      sleep(duration);
      units.begin();
      complete(spec.subscription(), job.key(), completion);
    }
    return id;
  }

  private UUID remember(String subscription, EntityRecord job) {
    history.remember(subscription, job.key());
    return record.id(job::value);
  }

  /**
   * Moves the running jobs on to the emulator clock's now: progress in quarters, and those whose
   * duration has passed complete, oldest first. Runs on the job thread only, so jobs never race.
   */
  private void tick() {
    if (running.isEmpty()) {
      return;
    }
    boolean moved;
    units.begin(); // one step of every running job is one unit: kept whole, or not at all
    try {
      moved = step();
    } finally {
      units.commit();
    }
    if (moved) {
      progressListener.run();
    }
  }

  /** Tells {@code listener} after each step that moved a running job on (its progress, or its end). */
  public void onProgress(Runnable listener) {
    this.progressListener = listener;
  }

  /** Moves the running jobs on; whether any moved. */
  private boolean step() {
    boolean[] moved = {false};
    OffsetDateTime now = jobs.currentTime();
    for (Iterator<RunningJob> it = running.iterator(); it.hasNext(); ) {
      RunningJob job = it.next();
      Duration elapsed = Duration.between(job.start(), now);
      if (elapsed.compareTo(duration) >= 0) {
        it.remove();
        complete(job.subscription(), job.key(), job.completion());
        moved[0] = true;
      } else {
        int percent = elapsed.isNegative() ? 0
            : (int) (PROGRESS_STEPS * elapsed.toNanos() / duration.toNanos()) * (100 / PROGRESS_STEPS);
        jobs.modify(job.subscription(), job.key(), v -> {
          if (!record.isAt(v, percent)) {
            record.progress(v, percent);
            moved[0] = true;
          }
        });
      }
    }
    return moved[0];
  }

  /**
   * Brings the running jobs up to the clock's now, and returns once they are: after a test moves
   * the clock, what it reads next already shows the jobs moved on.
   */
  public void catchUp() {
    try {
      scheduler.submit(this::tick).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RejectedExecutionException e) {
      LOG.debug("jobs could not catch up with the clock", e);
    }
  }

  /** An asynchronous job still running: it completes when the emulator clock passes its start plus the duration. */
  private record RunningJob(String subscription, EntityKey key, OffsetDateTime start, Runnable completion) {
  }

  private void complete(String subscription, EntityKey job, Runnable completion) {
    RuntimeException failure = apply(completion);
    jobs.modify(subscription, job, v -> record.finish(v, failure, jobs.currentTime()));
  }

  /** Applies the operation's change; the failure if it failed (its target changed under the job, or a fault). */
  private static RuntimeException apply(Runnable completion) {
    try {
      completion.run();
      return null;
    } catch (RuntimeException e) {
      LOG.debug("a job failed", e);
      return e;
    }
  }

  private static void failed(Consumer<UUID> onFailure, UUID job) {
    try {
      onFailure.accept(job);
    } catch (RuntimeException e) {
      LOG.debug("marking a failed job's target failed failed too", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Makes the next {@code count} jobs of {@code cmdlet} fail, as VMM jobs fail: Status Failed, the
   * error in {@code ErrorInfo}, and the operation's change not applied.
   */
  public void failNext(String cmdlet, int count, String code, String problem) {
    faults.failNext(cmdlet, count, code, problem);
  }

  /**
   * A kept world is back after a restart ({@code --data-dir}): the jobs still running fail
   * ({@link JobHistory#failInterrupted}) and the stored jobs become the history again, so the limit of jobs per
   * subscription holds across restarts.
   */
  public void restored() {
    history.failInterrupted(new JobFailure(INTERRUPTED_CODE,
        "The Virtual Machine Manager service stopped while this job was running."));
    history.rebuild();
  }

  /** Forgets the job history, running jobs and pending job faults (the store is being cleared). */
  public void reset() {
    history.clear();
    faults.clear();
    running.clear();
  }

  /** Forgets one subscription's job history; pending job faults apply to every subscription and stay. */
  public void reset(String subscription) {
    history.clear(subscription);
    running.removeIf(job -> job.subscription().equalsIgnoreCase(subscription));
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      // a step under way finishes (and is kept) before the emulator's change log closes
      scheduler.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
