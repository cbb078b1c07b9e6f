package dev.spfemu.odata.processor;

import dev.spfemu.format.ComplexValue;
import dev.spfemu.odata.edm.ComplexTypeModel;
import dev.spfemu.odata.edm.EdmKind;
import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.odata.edm.PropertyModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs mutating VMM operations as VMM does, as jobs: each creates a {@code Jobs} entity that goes
 * from Running (0 %) to Completed (100 %) over the configured duration, and the operation's change
 * is applied when the job completes. With {@code RunAsynchronously} the request returns at once,
 * the job still running; otherwise it returns after the job completes.
 */
final class JobRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final int PROGRESS_STEPS = 4;
  /** How often running jobs look at the clock; a real-time job ends at most this late. */
  private static final long TICK_MILLIS = 10;
  /** Jobs kept per subscription. */
  static final int HISTORY = 1000;

  private final int history;

  private final EntitySetService jobs;
  private final EntityTypeModel type;
  private final Duration duration;
  private final ScheduledExecutorService scheduler;
  private final Map<String, JobHistory> histories = new ConcurrentHashMap<>();
  private final Map<String, JobFault> faults = new ConcurrentHashMap<>();
  /** The asynchronous jobs not yet completed, oldest first; only the job thread completes them. */
  private final Queue<RunningJob> running = new ConcurrentLinkedQueue<>();
  /** Property positions by name, resolved once: set() runs a dozen times per job. */
  private final Map<String, Integer> positions = new HashMap<>();

  JobRunner(EntitySetService jobs, Duration duration) {
    this(jobs, duration, HISTORY);
  }

  /** @param history how many jobs each subscription keeps */
  JobRunner(EntitySetService jobs, Duration duration, int history) {
    this.history = history;
    this.jobs = jobs;
    this.type = jobs.type();
    type.properties().forEach(p -> positions.put(p.name(), p.index()));
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
   * What a job is about.
   *
   * @param name the job's name, as VMM's cmdlet and target ("Start-SCVirtualMachine web-01")
   * @param cmdlet the VMM cmdlet
   * @param target the target's name
   * @param targetId the target's ID
   * @param targetType the target's VMM type ("VM", "VMCheckpoint")
   */
  record Spec(String subscription, Object stamp, String name, String cmdlet, String target, Object targetId,
      String targetType) {
  }

  /**
   * Starts a job; {@code completion} applies the operation's change when it completes.
   *
   * @return the job's ID (what {@code MostRecentTaskId} points at)
   */
  UUID run(Spec spec, boolean async, Runnable operation) {
    JobFault fault = faults.isEmpty() ? null : fault(spec.cmdlet());
    Runnable completion = fault == null ? operation : () -> {
      throw new InjectedJobFailure(fault.code(), fault.problem());
    };
    Object[] values = new Object[type.propertyCount()];
    set(values, "StampId", spec.stamp());
    set(values, "Name", spec.name());
    set(values, "CmdletName", spec.cmdlet());
    set(values, "Target", spec.target());
    set(values, "TargetObjectID", spec.targetId());
    set(values, "TargetObjectType", spec.targetType());
    set(values, "ResultName", spec.target());
    set(values, "ResultObjectID", spec.targetId());
    set(values, "IsRestartable", false);
    set(values, "IsStoppable", true);
    set(values, "IsVisible", true);
    OffsetDateTime start = jobs.currentTime();
    set(values, "StartTime", start);
    if (duration.isZero()) {
      // done before anyone can see it: stored once, already completed (the common, load-test path)
      finish(values, apply(completion), start);
      return remember(spec.subscription(), jobs.insert(spec.subscription(), values));
    }
    progress(values, 0);
    EntityRecord job = jobs.insert(spec.subscription(), values);
    UUID id = remember(spec.subscription(), job);
    if (async) {
      running.add(new RunningJob(spec.subscription(), job.key(), start, completion));
    } else {
      // the request waits for the job, so the job takes its duration in real time: a fixed clock
      // must not hang the request
      sleep(duration);
      complete(spec.subscription(), job.key(), completion);
    }
    return id;
  }

  /**
   * Moves the running jobs on to the emulator clock's now: progress in quarters, and those whose
   * duration has passed complete, oldest first. Runs on the job thread only, so jobs never race.
   */
  private void tick() {
    if (running.isEmpty()) {
      return;
    }
    OffsetDateTime now = jobs.currentTime();
    for (Iterator<RunningJob> it = running.iterator(); it.hasNext(); ) {
      RunningJob job = it.next();
      Duration elapsed = Duration.between(job.start(), now);
      if (elapsed.compareTo(duration) >= 0) {
        it.remove();
        complete(job.subscription(), job.key(), job.completion());
      } else {
        int percent = elapsed.isNegative() ? 0
            : (int) (PROGRESS_STEPS * elapsed.toNanos() / duration.toNanos()) * (100 / PROGRESS_STEPS);
        jobs.modify(job.subscription(), job.key(), v -> {
          if (!Boolean.TRUE.equals(v[positions.get("IsCompleted")]) && !Integer.valueOf(percent)
              .equals(v[positions.get("ProgressValue")])) {
            progress(v, percent);
          }
        });
      }
    }
  }

  /**
   * Brings the running jobs up to the clock now, and returns once they are: after a test moves the
   * clock, what it reads next already shows the jobs moved on.
   */
  void catchUp() {
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
    jobs.modify(subscription, job, v -> finish(v, failure, jobs.currentTime()));
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

  private void finish(Object[] v, RuntimeException failure, OffsetDateTime end) {
    boolean ok = failure == null;
    if (!ok) {
      v[positions.get("ErrorInfo")] = errorInfo(failure);
    }
    progress(v, 100);
    set(v, "Status", ok ? "Completed" : "Failed");
    set(v, "StatusString", ok ? "Completed" : "Failed");
    set(v, "IsCompleted", true);
    set(v, "IsStoppable", false);
    set(v, "IsRestartable", !ok);
    set(v, "EndTime", end);
  }

  /**
   * Keeps the job in its subscription's history, which holds the newest jobs ({@link #HISTORY}): VMM
   * keeps a job history, not every job ever, and an emulator under load must not grow without end.
   */
  private UUID remember(String subscription, EntityRecord job) {
    JobHistory kept = histories.computeIfAbsent(subscription, s -> new JobHistory());
    kept.keys.add(job.key());
    if (kept.size.incrementAndGet() > history) {
      EntityKey oldest = kept.keys.poll();
      if (oldest != null) {
        boolean running = jobs.find(subscription, oldest)
            .map(old -> !Boolean.TRUE.equals(old.value(positions.get("IsCompleted")))).orElse(false);
        if (running) {
          kept.keys.add(oldest); // still running: it stays, for now
        } else {
          kept.size.decrementAndGet();
          jobs.discard(subscription, oldest);
        }
      }
    }
    return (UUID) job.value(positions.get("ID"));
  }

  /** The jobs of one subscription, oldest first. */
  private static final class JobHistory {
    final Queue<EntityKey> keys = new ConcurrentLinkedQueue<>();
    final AtomicInteger size = new AtomicInteger();
  }

  private void progress(Object[] values, int percent) {
    set(values, "Progress", percent + " %");
    set(values, "ProgressValue", percent);
    if (percent < 100) {
      set(values, "Status", "Running");
      set(values, "StatusString", "Running");
      set(values, "IsCompleted", false);
    }
  }

  private void set(Object[] values, String property, Object value) {
    values[positions.get(property)] = value;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The job's {@code ErrorInfo}, as VMM fills it for a failed job. */
  private ComplexValue errorInfo(RuntimeException failure) {
    ComplexTypeModel info = type.property("ErrorInfo").complex();
    Object[] values = new Object[info.properties().size()];
    String code = failure instanceof InjectedJobFailure injected ? injected.code : "TargetChanged";
    String problem = failure instanceof InjectedJobFailure injected ? injected.problem
        : "The object the job worked on changed or was removed while the job ran.";
    setMember(info, values, "Code", code);
    setMember(info, values, "Problem", problem);
    setMember(info, values, "RecommendedAction", "Correct the problem, then run the operation again.");
    setMember(info, values, "IsSuccess", false);
    setMember(info, values, "IsTerminating", true);
    return new ComplexValue(info, values);
  }

  private static void setMember(ComplexTypeModel info, Object[] values, String name, Object value) {
    PropertyModel member = info.property(name);
    if (member != null && (value == null || member.kind() == null || kindAccepts(member, value))) {
      values[member.index()] = value;
    }
  }

  private static boolean kindAccepts(PropertyModel member, Object value) {
    return value instanceof String ? member.kind() == EdmKind.STRING : value instanceof Boolean
        && member.kind() == EdmKind.BOOLEAN;
  }

  /** A job failure a test asked for. */
  private static final class InjectedJobFailure extends RuntimeException {
    private final String code;
    private final String problem;

    InjectedJobFailure(String code, String problem) {
      super(problem, null, false, false);
      this.code = code;
      this.problem = problem;
    }
  }

  /** Forgets the job history and pending job faults (the store is being cleared). */
  void reset() {
    histories.clear();
    faults.clear();
    running.clear();
  }

  /** Forgets one subscription's job history; pending job faults apply to every subscription and stay. */
  void reset(String subscription) {
    histories.keySet().removeIf(subscription::equalsIgnoreCase);
    running.removeIf(job -> job.subscription().equalsIgnoreCase(subscription));
  }

  /**
   * Makes the next {@code count} jobs of {@code cmdlet} fail, as VMM jobs fail: Status Failed, the
   * error in {@code ErrorInfo}, and the operation's change not applied.
   */
  void failNext(String cmdlet, int count, String code, String problem) {
    faults.put(cmdlet.toLowerCase(Locale.ROOT), new JobFault(new AtomicInteger(count), code, problem));
  }

  /** The fault the next job of {@code cmdlet} takes, if any is left. */
  private JobFault fault(String cmdlet) {
    JobFault fault = faults.get(cmdlet.toLowerCase(Locale.ROOT));
    return fault != null && fault.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n) > 0 ? fault : null;
  }

  private record JobFault(AtomicInteger remaining, String code, String problem) {
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
