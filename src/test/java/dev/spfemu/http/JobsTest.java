package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Jobs that take time: RunAsynchronously returns while they run; otherwise requests wait for them.
 * The emulator's clock stands still, so asynchronous jobs only move when a test moves the clock;
 * a synchronous request waits the job's (short) duration in real time.
 */
class JobsTest extends EmulatorHttpTest {

  /** Short, because a synchronous request waits this long in real time. */
  private static final Duration JOB = Duration.ofMillis(100);
  private static final Duration QUARTER = JOB.dividedBy(4);

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().jobDuration(JOB)
        .clock(SettableClock.fixedAt(Instant.parse("2026-11-28T07:00:00Z")));
  }

  private JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  private JsonNode job(String root, JsonNode vm) {
    String id = vm.get("MostRecentTaskId").asText();
    assertTrue(id.matches(GUID), "MostRecentTaskId points at a job: " + vm.get("MostRecentTaskId"));
    return read(root + "Jobs(ID=guid'" + id + "',StampId=guid'" + STAMP + "')");
  }

  private OffsetDateTime now() {
    return spf.clock().instant().atOffset(ZoneOffset.UTC);
  }

  private static void assertRunningAt(JsonNode job, int percent) {
    assertEquals("Running", job.get("Status").asText(), job.toString());
    assertEquals("Running", job.get("StatusString").asText());
    assertFalse(job.get("IsCompleted").asBoolean());
    assertEquals(percent, job.get("ProgressValue").asInt());
    assertEquals(percent + " %", job.get("Progress").asText());
    assertTrue(job.get("EndTime").isNull(), job.toString());
  }

  private static void assertCompletedAt(JsonNode job, OffsetDateTime end) {
    assertEquals("Completed", job.get("Status").asText(), job.toString());
    assertEquals("Completed", job.get("StatusString").asText());
    assertTrue(job.get("IsCompleted").asBoolean());
    assertEquals(100, job.get("ProgressValue").asInt());
    assertEquals("100 %", job.get("Progress").asText());
    assertEquals(end, OffsetDateTime.parse(job.get("EndTime").asText()));
  }

  @Test
  void asynchronousOperationsReturnWhileTheJobRunsAndProgressInQuarters() {
    String root = emptyRoot();
    OffsetDateTime start = now();
    String location = jsonLight().body("{\"Name\":\"slow\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}")
        .post(root + "VirtualMachines?RunAsynchronously=1").then().statusCode(201).extract().header("Location");
    JsonNode creating = read(location);
    assertEquals("UnderCreation", creating.get("Status").asText());
    assertEquals("Creating...", creating.get("StatusString").asText());
    JsonNode job = job(root, creating);
    assertEquals("New-SCVirtualMachine", job.get("CmdletName").asText());
    assertEquals(start, OffsetDateTime.parse(job.get("StartTime").asText()));
    assertRunningAt(job, 0);

    spf.advanceClock(QUARTER.dividedBy(2));
    assertRunningAt(job(root, read(location)), 0);
    spf.advanceClock(QUARTER.dividedBy(2));
    assertRunningAt(job(root, read(location)), 25);
    spf.advanceClock(QUARTER);
    assertRunningAt(job(root, read(location)), 50);
    spf.advanceClock(QUARTER.plus(QUARTER.dividedBy(2)));
    assertRunningAt(job(root, read(location)), 75);
    assertEquals("UnderCreation", read(location).get("Status").asText(), "the VM is made when its job completes");

    spf.advanceClock(QUARTER.dividedBy(2));
    JsonNode created = read(location);
    assertEquals("PowerOff", created.get("Status").asText());
    JsonNode done = job(root, created);
    assertEquals(job.get("ID"), done.get("ID"), "the same job, completed");
    assertCompletedAt(done, start.plus(JOB));

    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", location + "?RunAsynchronously=1").then()
        .statusCode(204);
    JsonNode starting = read(location);
    assertEquals("PowerOff", starting.get("Status").asText(), "the change shows when the job completes");
    JsonNode startJob = job(root, starting);
    assertNotEquals(done.get("ID"), startJob.get("ID"), "MostRecentTaskId moves on to the new job");
    assertEquals("Start-SCVirtualMachine", startJob.get("CmdletName").asText());
    assertRunningAt(startJob, 0);

    spf.advanceClock(JOB);
    JsonNode running = read(location);
    assertEquals("Running", running.get("Status").asText());
    assertCompletedAt(job(root, running), now());
  }

  @Test
  void synchronousOperationsReturnWhenTheJobHasCompleted() {
    String root = emptyRoot();
    String location = jsonLight().body("{\"Name\":\"patient\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\"}").post(root + "VirtualMachines").then().statusCode(201).body("Status", equalTo("PowerOff"))
        .extract().header("Location");
    JsonNode createJob = job(root, read(location));
    assertCompletedAt(createJob, now());

    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", location).then().statusCode(204);
    JsonNode vm = read(location);
    assertEquals("Running", vm.get("Status").asText());
    JsonNode startJob = job(root, vm);
    assertNotEquals(createJob.get("ID"), startJob.get("ID"));
    assertEquals("Start-SCVirtualMachine", startJob.get("CmdletName").asText());
    assertCompletedAt(startJob, now());
  }

  @Test
  void aCheckpointWithRunAsynchronouslyGetsItsCheckpointIdWhenItsJobCompletes() {
    String root = emptyRoot();
    addVm(root);
    String location = jsonLight().body("{\"Name\":\"async\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + VM
        + "\",\"RunAsynchronously\":true}").post(root + "VMCheckPoints").then().statusCode(201)
        .extract().header("Location");
    assertTrue(read(location).get("CheckpointID").isNull());
    JsonNode job = job(root, read(root + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')"));
    assertEquals("New-SCVMCheckpoint", job.get("CmdletName").asText());
    assertRunningAt(job, 0);

    // the admin HTTP API moves the clock as spf.advanceClock does: the job has caught up when it answers
    request().contentType("application/json").body("{\"seconds\":1}").post(spf.baseUrl() + "/_emulator/clock/advance")
        .then().statusCode(200);
    assertTrue(read(location).get("CheckpointID").asText().matches(GUID), read(location).toString());
    assertCompletedAt(read(root + "Jobs(ID=guid'" + job.get("ID").asText() + "',StampId=guid'" + STAMP + "')"),
        now());
  }

  @Test
  void settingTheClockOverHttpCompletesTheJobsItPasses() {
    String root = emptyRoot();
    String location = jsonLight().body("{\"Name\":\"fixed\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\"}").post(root + "VirtualMachines?RunAsynchronously=true").then().statusCode(201)
        .extract().header("Location");
    assertEquals("UnderCreation", read(location).get("Status").asText());
    Instant later = spf.clock().instant().plus(Duration.ofHours(1));
    request().contentType("application/json").body("{\"fixed\":\"" + later + "\"}")
        .put(spf.baseUrl() + "/_emulator/clock").then().statusCode(200).body("now", equalTo(later.toString()));
    JsonNode created = read(location);
    assertEquals("PowerOff", created.get("Status").asText());
    assertCompletedAt(job(root, created), later.atOffset(ZoneOffset.UTC));
  }
}
