package dev.spfemu.vmm.job;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spfemu.model.ComplexValue;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A VMM job's life on the emulator clock: Running in quarters, then Completed or Failed, without waiting. */
class JobLifecycleTest {

  private static final Duration JOB = Duration.ofMinutes(4);

  private final VmmFixture world = new VmmFixture(JOB);

  @AfterEach
  void close() {
    world.close();
  }

  private Map<String, Object> startVmAsynchronously() {
    EntityRecord vm = world.set("VirtualMachines").create(SUBSCRIPTION, world.payload("VirtualMachines",
        "Name", "web-01", "StampId", STAMP, "CloudId", VmmFixture.CLOUD, "StartVM", true), true).entity();
    return world.read("VirtualMachines", vm.key());
  }

  private void advance(Duration by) {
    world.clock.advance(by);
    world.vmm.catchUpJobs();
  }

  @Test
  void aJobRunsInQuartersAndAppliesItsOperationWhenItCompletes() {
    Map<String, Object> vm = startVmAsynchronously();
    Object jobId = vm.get("MostRecentTaskId");
    Map<String, Object> job = world.job(jobId);
    assertEquals("Running", job.get("Status"));
    assertEquals(0, job.get("ProgressValue"));
    assertEquals("0 %", job.get("Progress"));
    assertEquals(false, job.get("IsCompleted"));
    assertEquals("UnderCreation", vm.get("Status"), "the operation waits for the job");

    advance(Duration.ofMinutes(2));
    assertEquals(50, world.job(jobId).get("ProgressValue"));
    assertEquals("Running", world.job(jobId).get("Status"));

    advance(Duration.ofMinutes(2));
    job = world.job(jobId);
    assertEquals("Completed", job.get("Status"));
    assertEquals(100, job.get("ProgressValue"));
    assertEquals(true, job.get("IsCompleted"));
    assertEquals(false, job.get("IsStoppable"));
    assertEquals(OffsetDateTime.ofInstant(VmmFixture.START.plus(JOB), ZoneOffset.UTC), job.get("EndTime"));
    assertEquals("Running", world.read("VirtualMachines", world.key(vm.get("ID"))).get("Status"));
  }

  @Test
  void anInjectedFailureFailsTheJobAndLeavesTheVmCreationFailed() {
    world.vmm.failNextJobs("new-scvirtualmachine", 1, "HostUnreachable", "The host did not answer.");
    Map<String, Object> vm = startVmAsynchronously();
    advance(JOB);

    Map<String, Object> job = world.job(vm.get("MostRecentTaskId"));
    assertEquals("Failed", job.get("Status"));
    assertEquals(true, job.get("IsRestartable"));
    ComplexValue error = (ComplexValue) job.get("ErrorInfo");
    assertNotNull(error);
    assertEquals("HostUnreachable", error.value(error.type().property("Code").index()));
    assertEquals("The host did not answer.", error.value(error.type().property("Problem").index()));
    assertEquals("CreationFailed", world.read("VirtualMachines", world.key(vm.get("ID"))).get("Status"));
  }

  @Test
  void aFaultIsUsedUpByTheJobsItFails() {
    world.vmm.failNextJobs("New-SCVirtualMachine", 1, "X", "x");
    startVmAsynchronously();
    Map<String, Object> second = startVmAsynchronously();
    advance(JOB);
    Map<String, Object> job = world.job(second.get("MostRecentTaskId"));
    assertEquals("Completed", job.get("Status"));
    assertNull(job.get("ErrorInfo"));
  }

  @Test
  void aResetForgetsRunningJobs() {
    Map<String, Object> vm = startVmAsynchronously();
    world.vmm.reset();
    advance(JOB); // nothing left to complete, and nothing fails
    assertEquals(0, world.set("Jobs").list(SUBSCRIPTION).size());
    assertNotNull(vm.get("MostRecentTaskId"));
  }
}
