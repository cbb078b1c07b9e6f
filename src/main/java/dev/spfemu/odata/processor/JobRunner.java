package dev.spfemu.odata.processor;

import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

  private final EntitySetService jobs;
  private final EntityTypeModel type;
  private final Duration duration;
  private final ScheduledExecutorService scheduler;

  JobRunner(EntitySetService jobs, Duration duration) {
    this.jobs = jobs;
    this.type = jobs.type();
    this.duration = duration;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "spf-emulator-jobs");
      thread.setDaemon(true);
      return thread;
    });
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
  UUID run(Spec spec, boolean async, Runnable completion) {
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
    set(values, "StartTime", jobs.currentTime());
    progress(values, 0);
    EntityRecord job = jobs.insert(spec.subscription(), values);
    UUID id = (UUID) job.value(type.property("ID").index());
    if (duration.isZero()) {
      complete(spec.subscription(), job.key(), completion);
      return id;
    }
    long stepNanos = duration.toNanos() / PROGRESS_STEPS;
    for (int step = 1; step < PROGRESS_STEPS; step++) {
      int percent = 100 * step / PROGRESS_STEPS;
      scheduler.schedule(() -> jobs.modify(spec.subscription(), job.key(), v -> {
        if (!Boolean.TRUE.equals(v[type.property("IsCompleted").index()])) {
          progress(v, percent);
        }
      }), stepNanos * step, TimeUnit.NANOSECONDS);
    }
    if (async) {
      scheduler.schedule(() -> complete(spec.subscription(), job.key(), completion), duration.toNanos(),
          TimeUnit.NANOSECONDS);
    } else {
      sleep(duration);
      complete(spec.subscription(), job.key(), completion);
    }
    return id;
  }

  private void complete(String subscription, EntityKey job, Runnable completion) {
    boolean succeeded = true;
    try {
      completion.run();
    } catch (RuntimeException e) {
      succeeded = false; // the target changed under the job (deleted meanwhile): the job fails, as in VMM
      LOG.debug("job {} failed", job, e);
    }
    boolean ok = succeeded;
    jobs.modify(subscription, job, v -> {
      progress(v, 100);
      set(v, "Status", ok ? "Completed" : "Failed");
      set(v, "StatusString", ok ? "Completed" : "Failed");
      set(v, "IsCompleted", true);
      set(v, "IsStoppable", false);
      set(v, "IsRestartable", !ok);
      set(v, "EndTime", jobs.currentTime());
    });
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
    values[type.property(property).index()] = value;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
