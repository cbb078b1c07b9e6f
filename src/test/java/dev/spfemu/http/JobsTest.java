package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Jobs that take time: RunAsynchronously returns while they run; otherwise requests wait for them. */
class JobsTest extends EmulatorHttpTest {

  // long enough that "still running" checks hold on a loaded machine; the waits below are bounded, not timed
  private static final Duration JOB = Duration.ofSeconds(4);

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().jobDuration(JOB);
  }

  private JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  private JsonNode job(String root, JsonNode vm) {
    return read(root + "Jobs(ID=guid'" + vm.get("MostRecentTaskId").asText() + "',StampId=guid'" + STAMP + "')");
  }

  /** Waits, within a generous bound, until {@code condition} holds. */
  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 150 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertTrue(condition.getAsBoolean(), "the job did not complete");
  }

  @Test
  void asynchronousOperationsReturnWhileTheJobRuns() throws InterruptedException {
    String root = emptyRoot();
    String location = jsonLight().body("{\"Name\":\"slow\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}")
        .post(root + "VirtualMachines?RunAsynchronously=1").then().statusCode(201).extract().header("Location");
    JsonNode creating = read(location);
    assertEquals("UnderCreation", creating.get("Status").asText());
    assertEquals("Creating...", creating.get("StatusString").asText());
    JsonNode job = job(root, creating);
    assertFalse(job.get("IsCompleted").asBoolean());
    assertEquals("Running", job.get("Status").asText());
    assertTrue(job.get("ProgressValue").asInt() < 100);
    assertTrue(job.get("EndTime").isNull());

    eventually(() -> job(root, read(location)).get("IsCompleted").asBoolean());
    JsonNode created = read(location);
    assertEquals("PowerOff", created.get("Status").asText());
    JsonNode done = job(root, created);
    assertEquals(100, done.get("ProgressValue").asInt());
    assertEquals("100 %", done.get("Progress").asText());
    assertFalse(done.get("EndTime").isNull());

    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", location + "?RunAsynchronously=1").then()
        .statusCode(204);
    assertEquals("PowerOff", read(location).get("Status").asText(), "the change shows when the job completes");
    eventually(() -> "Running".equals(read(location).get("Status").asText()));
  }

  @Test
  void synchronousOperationsReturnWhenTheJobHasCompleted() {
    String root = emptyRoot();
    String location = jsonLight().body("{\"Name\":\"patient\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\"}").post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", location).then().statusCode(204);
    JsonNode vm = read(location);
    assertEquals("Running", vm.get("Status").asText());
    assertTrue(job(root, vm).get("IsCompleted").asBoolean());
  }

  @Test
  void aCheckpointWithRunAsynchronouslyGetsItsCheckpointIdWhenItsJobCompletes() throws InterruptedException {
    String root = emptyRoot();
    addVm(root);
    String location = jsonLight().body("{\"Name\":\"async\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + VM
        + "\",\"RunAsynchronously\":true}").post(root + "VMCheckPoints").then().statusCode(201)
        .extract().header("Location");
    assertTrue(read(location).get("CheckpointID").isNull());
    eventually(() -> !read(location).get("CheckpointID").isNull());
  }
}
