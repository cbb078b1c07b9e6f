package dev.spfemu.vmm.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.entity.ChangeSets;
import dev.spfemu.vmm.entity.EntityRules;
import dev.spfemu.vmm.entity.ServerClock;
import dev.spfemu.vmm.entity.StoredSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";

  private final ServiceModel model = ModelLoader.loadDefault();
  private final InMemoryEntityStore store = new InMemoryEntityStore();
  private final StoredSet jobs = new StoredSet(model, model.byEntitySet("Jobs"), store,
      IdGenerator.random(), new ServerClock(Clock.systemUTC()), EntityRules.NONE, new ChangeSets());

  private JobSpec spec(int n) {
    return new JobSpec(SUBSCRIPTION, UUID.randomUUID(), "Job " + n, "Test-Cmdlet", "target", UUID.randomUUID(),
        "VM");
  }

  @Test
  void eachSubscriptionKeepsItsNewestJobs() {
    try (JobScheduler runner = new JobScheduler(jobs, Duration.ZERO, 3)) {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(runner.run(spec(i), false, () -> { }));
      }
      List<Object> kept = new ArrayList<>();
      store.list(SUBSCRIPTION, "Jobs").forEach(job -> kept.add(job.value(model.byEntitySet("Jobs")
          .property("ID").index())));
      assertEquals(3, kept.size());
      assertTrue(kept.containsAll(ids.subList(2, 5)), "the newest three");
    }
  }

  @Test
  void afterARestartTheStoredJobsAreTheHistoryAgain() {
    StoredSet ticking = new StoredSet(model, model.byEntitySet("Jobs"), store, IdGenerator.random(),
        new ServerClock(new TickingClock()), EntityRules.NONE, new ChangeSets());
    List<UUID> ids = new ArrayList<>();
    try (JobScheduler before = new JobScheduler(ticking, Duration.ZERO, 3)) {
      for (int i = 0; i < 3; i++) {
        ids.add(before.run(spec(i), false, () -> { }));
      }
    }
    try (JobScheduler restarted = new JobScheduler(ticking, Duration.ZERO, 3)) { // its history in memory is empty
      restarted.restored();
      ids.add(restarted.run(spec(3), false, () -> { }));
    }
    List<Object> kept = new ArrayList<>();
    store.list(SUBSCRIPTION, "Jobs").forEach(job -> kept.add(job.value(model.byEntitySet("Jobs")
        .property("ID").index())));
    assertEquals(3, kept.size(), "the limit holds across the restart");
    assertTrue(kept.containsAll(ids.subList(1, 4)), "the oldest went");
  }

  @Test
  void theProgressListenerHearsOfEachStepThatMovedARunningJob() {
    dev.spfemu.SettableClock clock = dev.spfemu.SettableClock.fixedAt(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    StoredSet onClock = new StoredSet(model, model.byEntitySet("Jobs"), store, IdGenerator.random(),
        new ServerClock(clock), EntityRules.NONE, new ChangeSets());
    java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
    try (JobScheduler runner = new JobScheduler(onClock, Duration.ofMinutes(4), 10)) {
      runner.onProgress(heard::incrementAndGet);
      runner.run(spec(1), true, () -> { });
      runner.catchUp();
      assertEquals(0, heard.get(), "at 0 % nothing moved");

      clock.advance(Duration.ofMinutes(1));
      runner.catchUp();
      assertEquals(1, heard.get(), "25 %");
      runner.catchUp();
      assertEquals(1, heard.get(), "the same quarter: nothing moved");

      clock.advance(Duration.ofMinutes(5));
      runner.catchUp();
      assertEquals(2, heard.get(), "completed");
    }
  }

  @Test
  void aJobTheRequestWaitsForIsToldAboutBeforeTheWait() {
    java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger heardWhenApplied = new java.util.concurrent.atomic.AtomicInteger(-1);
    try (JobScheduler runner = new JobScheduler(jobs, Duration.ofMillis(20), 10)) {
      runner.onProgress(heard::incrementAndGet);
      runner.run(spec(1), false, () -> heardWhenApplied.set(heard.get()));
    }
    assertEquals(1, heardWhenApplied.get(), "the running job was announced before its operation applied");
  }

  /** A second later on every reading, so jobs started one after the other have distinct start times. */
  private static final class TickingClock extends Clock {
    private final java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.parse("2026-12-01T00:00:00Z").plusSeconds(seconds.incrementAndGet());
    }
  }

  @Test
  void aFailingOperationFailsItsJob() {
    try (JobScheduler runner = new JobScheduler(jobs, Duration.ZERO, 10)) {
      runner.run(spec(1), false, () -> {
        throw new IllegalStateException("target gone");
      });
      var job = store.list(SUBSCRIPTION, "Jobs").get(0);
      var type = model.byEntitySet("Jobs");
      assertEquals("Failed", job.value(type.property("Status").index()));
      assertEquals(true, job.value(type.property("IsCompleted").index()));
      assertEquals(true, job.value(type.property("IsRestartable").index()));
      assertFalse(job.value(type.property("EndTime").index()) == null);
    }
  }
}
