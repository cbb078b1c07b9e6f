package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final InMemoryEntityStore store = new InMemoryEntityStore();
  private final EntitySetService jobs = new EntitySetService(edm.model(), edm.model().byEntitySet("Jobs"), store,
      IdGenerator.random(), Clock.systemUTC(), EntityRules.NONE);

  private JobRunner.Spec spec(int n) {
    return new JobRunner.Spec(SUBSCRIPTION, UUID.randomUUID(), "Job " + n, "Test-Cmdlet", "target", UUID.randomUUID(),
        "VM");
  }

  @Test
  void eachSubscriptionKeepsItsNewestJobs() {
    try (JobRunner runner = new JobRunner(jobs, Duration.ZERO, 3)) {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(runner.run(spec(i), false, () -> { }));
      }
      List<Object> kept = new ArrayList<>();
      store.list(SUBSCRIPTION, "Jobs").forEach(job -> kept.add(job.value(edm.model().byEntitySet("Jobs")
          .property("ID").index())));
      assertEquals(3, kept.size());
      assertTrue(kept.containsAll(ids.subList(2, 5)), "the newest three");
    }
  }

  @Test
  void aFailingOperationFailsItsJob() {
    try (JobRunner runner = new JobRunner(jobs, Duration.ZERO, 10)) {
      runner.run(spec(1), false, () -> {
        throw new IllegalStateException("target gone");
      });
      var job = store.list(SUBSCRIPTION, "Jobs").get(0);
      var type = edm.model().byEntitySet("Jobs");
      assertEquals("Failed", job.value(type.property("Status").index()));
      assertEquals(true, job.value(type.property("IsCompleted").index()));
      assertEquals(true, job.value(type.property("IsRestartable").index()));
      assertFalse(job.value(type.property("EndTime").index()) == null);
    }
  }
}
