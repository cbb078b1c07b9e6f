package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous jobs move on with the emulator's clock: a test advances the clock instead of waiting.
 * Every request here runs asynchronously: a synchronous one would wait the job's ten minutes.
 */
class JobsFollowTheClockTest extends EmulatorHttpTest {

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().jobDuration(Duration.ofMinutes(10))
        .clock(SettableClock.fixedAt(Instant.parse("2026-11-28T07:00:00Z")));
  }

  private JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  private JsonNode job(String root, String vmLocation) {
    return read(root + "Jobs(ID=guid'" + read(vmLocation).get("MostRecentTaskId").asText() + "',StampId=guid'"
        + STAMP + "')");
  }

  @Test
  void aJobProgressesAndCompletesAsTheClockIsAdvanced() {
    String root = emptyRoot();
    String vm = jsonLight().body("{\"Name\":\"clocked\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}")
        .post(root + "VirtualMachines?RunAsynchronously=1").then().statusCode(201).extract().header("Location");
    assertEquals("UnderCreation", read(vm).get("Status").asText(), "a fixed clock holds the creation job");
    spf.advanceClock(Duration.ofMinutes(10));
    assertEquals("PowerOff", read(vm).get("Status").asText());
    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", vm + "?RunAsynchronously=1").then().statusCode(204);
    assertEquals(0, job(root, vm).get("ProgressValue").asInt(), "a fixed clock holds the job at its start");

    spf.advanceClock(Duration.ofMinutes(5));
    JsonNode half = job(root, vm);
    assertEquals(50, half.get("ProgressValue").asInt());
    assertEquals("Running", half.get("Status").asText());
    assertEquals("PowerOff", read(vm).get("Status").asText());

    spf.clock().advance(Duration.ofMinutes(5));
    JsonNode done = job(root, vm);
    assertEquals("Completed", done.get("Status").asText());
    assertEquals("2026-11-28T07:20:00.0000000+00:00", done.get("EndTime").asText());
    assertEquals("Running", read(vm).get("Status").asText());
  }

  @Test
  void aResetWhileJobsRunLeavesNothingOfThemBehind() {
    String root = emptyRoot();
    jsonLight().body("{\"ID\":\"" + VM + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"vm\",\"CloudId\":\"" + CLOUD
        + "\"}").post(root + "VirtualMachines?RunAsynchronously=1").then().statusCode(201);
    spf.advanceClock(Duration.ofMinutes(10));
    String checkpoint = jsonLight().body("{\"Name\":\"pending\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + VM
        + "\",\"RunAsynchronously\":true}").post(root + "VMCheckPoints").then().statusCode(201)
        .extract().header("Location");
    spf.reset();
    spf.advanceClock(Duration.ofHours(1));
    jsonLight().get(checkpoint).then().statusCode(404);
    assertEquals("0", jsonLight().get(root + "Jobs/$count").then().statusCode(200).extract().asString());
    assertEquals("0", jsonLight().get(root + "VirtualMachines/$count").then().statusCode(200).extract().asString());
  }
}
