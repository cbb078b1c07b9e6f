package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The emulator's clock and job failures, from Java and over the admin HTTP API. */
class ClockAndJobFaultsTest extends EmulatorHttpTest {

  private String admin() {
    return spf.baseUrl() + "/_emulator/";
  }

  private String addedTime(String root) {
    return json(jsonLight().body(checkpointBody("t")).post(root + "VMCheckPoints").then().statusCode(201)
        .extract().asString()).get("AddedTime").asText();
  }

  @Test
  void theClockIsSetAndAdvancedOverHttpAndFromJava() {
    String root = newRoot();
    request().contentType("application/json").body("{\"fixed\":\"2026-11-28T07:14:21.7064060Z\"}")
        .put(admin() + "clock").then().statusCode(200).body("now", equalTo("2026-11-28T07:14:21.706406Z"));
    assertEquals("2026-11-28T07:14:21.7064060+00:00", addedTime(root));
    request().contentType("application/json").body("{\"seconds\":3600}").post(admin() + "clock/advance").then()
        .statusCode(200);
    assertEquals("2026-11-28T08:14:21.7064060+00:00", addedTime(root));
    spf.clock().fix(Instant.parse("2030-01-01T00:00:00Z"));
    assertEquals("2030-01-01T00:00:00.0000000+00:00", addedTime(root));
    request().contentType("application/json").body("{\"offsetSeconds\":0}").put(admin() + "clock").then().statusCode(200);
    assertTrue(!addedTime(root).startsWith("2030-"), "running with the system clock again");
    request().contentType("application/json").body("{\"when\":\"soon\"}").put(admin() + "clock").then()
        .statusCode(400).body("error", containsString("fixed"));
  }

  @Test
  void theNextCheckpointJobFailsAsVmmJobsFail() {
    String root = newRoot();
    spf.failNextJobs("New-SCVMCheckpoint", 1, "CheckpointFailed", "The host has no room for the checkpoint.");
    String failed = createCheckpoint(root, "doomed");
    JsonNode vm = json(jsonLight().get(root + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')")
        .then().statusCode(200).extract().asString());
    jsonLight().get(root + "Jobs(ID=guid'" + vm.get("MostRecentTaskId").asText() + "',StampId=guid'" + STAMP + "')")
        .then().statusCode(200)
        .body("Status", equalTo("Failed"))
        .body("IsCompleted", equalTo(true))
        .body("ErrorInfo.Code", equalTo("CheckpointFailed"))
        .body("ErrorInfo.Problem", equalTo("The host has no room for the checkpoint."));
    jsonLight().get(failed).then().statusCode(200).body("CheckpointID", equalTo(null));
    String next = createCheckpoint(root, "fine");
    assertTrue(!json(jsonLight().get(next).then().extract().asString()).get("CheckpointID").isNull());
  }

  @Test
  void jobFaultsOverHttp() {
    String root = emptyRoot();
    String vm = jsonLight().body("{\"Name\":\"stuck\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    request().contentType("application/json").body("{\"cmdlet\":\"Start-SCVirtualMachine\",\"count\":1,"
        + "\"code\":\"HostUnreachable\",\"problem\":\"The host is not responding.\"}").post(admin() + "job-faults")
        .then().statusCode(200);
    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", vm).then().statusCode(204);
    jsonLight().get(vm).then().statusCode(200).body("Status", equalTo("PowerOff"));
    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", vm).then().statusCode(204);
    jsonLight().get(vm).then().statusCode(200).body("Status", equalTo("Running"));
    request().contentType("application/json").body("{}").post(admin() + "job-faults").then().statusCode(400);
  }

  @Test
  void resetSetsTheClockBackAndDropsPendingJobFaults() {
    spf.fixClock(Instant.parse("2001-01-01T00:00:00Z"));
    spf.failNextJobs("New-SCVMCheckpoint", 5, "CheckpointFailed", "no room");
    spf.reset();
    String root = newRoot();
    assertTrue(!addedTime(root).startsWith("2001-"), "the clock runs in real time again");
    String created = createCheckpoint(root, "after reset");
    assertTrue(!json(jsonLight().get(created).then().extract().asString()).get("CheckpointID").isNull(),
        "the job fault was dropped by reset");
  }
}
