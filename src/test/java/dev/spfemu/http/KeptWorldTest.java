package dev.spfemu.http;

import static dev.spfemu.http.EmulatorHttpTest.CLOUD;
import static dev.spfemu.http.EmulatorHttpTest.DEMO_SUBSCRIPTION;
import static dev.spfemu.http.EmulatorHttpTest.STAMP;
import static dev.spfemu.http.EmulatorHttpTest.VM;
import static dev.spfemu.http.EmulatorHttpTest.fixture;
import static dev.spfemu.http.EmulatorHttpTest.json;
import static dev.spfemu.http.EmulatorHttpTest.jsonLight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SettableClock;
import dev.spfemu.SpfEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --data-dir}, every kind of acknowledged change is there after a restart: requests, change
 * sets, job steps made in the background, resets, imports, the clock, and the GUIDs a seeded sequence drew.
 * (Crashes, torn and damaged logs: {@code dev.spfemu.persist}.)
 */
class KeptWorldTest {

  private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir
  Path folder;

  private SpfEmulator spf;

  @AfterEach
  void stop() {
    if (spf != null) {
      spf.close();
    }
  }

  private SpfEmulator start(EmulatorOptions.Builder options) {
    if (spf != null) {
      spf.close();
    }
    spf = options.dynamicPort().dataDir(folder.resolve("data")).start();
    return spf;
  }

  private String root() {
    return spf.serviceRoot(DEMO_SUBSCRIPTION);
  }

  /** {@code url} on the emulator running now (each start listens on another port). */
  private String now(String url) {
    return spf.baseUrl() + url.substring(url.indexOf('/', "http://".length()));
  }

  /** The body, without this start's port in its URLs. */
  private String get(String url) {
    return jsonLight().get(now(url)).then().statusCode(200).extract().asString().replace(spf.baseUrl(), "");
  }

  private String vm(String name) {
    return "{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\"}";
  }

  @Test
  void everyAcknowledgedRequestIsThereAfterARestart() {
    start(EmulatorOptions.builder());
    String created = jsonLight().body(vm("kept")).post(root() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    jsonLight().body("{\"Description\":\"changed\"}").request("MERGE", created).then().statusCode(204);
    String checkpoint = jsonLight().body(fixture("seed-request.json")).post(root() + "VMCheckPoints").then()
        .statusCode(201).extract().header("Location");
    String deleted = jsonLight().body(vm("deleted")).post(root() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    jsonLight().delete(deleted).then().statusCode(204);
    List<BatchResponse.Part> parts = new BatchRequest().changeSet(BatchRequest.operation("POST", "VirtualMachines",
        "Content-Type: application/json\r\nAccept: application/json\r\n", vm("batched"))).post(root());
    String batched = json(parts.get(0).single().body()).get("ID").asText();
    String before = get(created) + get(checkpoint) + get(root() + "VirtualMachines?$orderby=ID");

    start(EmulatorOptions.builder());
    assertEquals(before, get(created) + get(checkpoint) + get(root() + "VirtualMachines?$orderby=ID"));
    assertEquals("changed", json(get(created)).get("Description").asText());
    jsonLight().get(now(deleted)).then().statusCode(404);
    assertEquals(1, json(get(root() + "VirtualMachines?$filter=ID%20eq%20guid'" + batched + "'")).get("value").size());
  }

  @Test
  void aResetAndASubscriptionResetAreKept() {
    String other = UUID.randomUUID().toString();
    start(EmulatorOptions.builder());
    String created = jsonLight().body(vm("forgotten")).post(root() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    jsonLight().body(vm("also forgotten")).post(spf.serviceRoot(other) + "VirtualMachines").then().statusCode(201);
    spf.reset(other);
    start(EmulatorOptions.builder());
    jsonLight().get(now(created)).then().statusCode(200);
    assertEquals("0", jsonLight().get(spf.serviceRoot(other) + "VirtualMachines/$count").then().extract().asString());

    spf.reset();
    start(EmulatorOptions.builder());
    jsonLight().get(now(created)).then().statusCode(404);
    jsonLight().get(root() + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')").then()
        .statusCode(200); // the demo world is back
  }

  @Test
  void anImportedWorldIsKeptRatherThanTheStartingWorld() throws Exception {
    String subscription = UUID.randomUUID().toString();
    String world = "{\"subscriptions\":[{\"id\":\"" + subscription + "\",\"entities\":{\"Clouds\":[{\"ID\":\""
        + CLOUD + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"imported\"}]}}]}";
    start(EmulatorOptions.builder());
    spf.importState(new ByteArrayInputStream(world.getBytes(StandardCharsets.UTF_8)), "a test world");
    start(EmulatorOptions.builder());
    assertEquals("0", jsonLight().get(root() + "VirtualMachines/$count").then().extract().asString());
    assertEquals("imported", json(get(spf.serviceRoot(subscription) + "Clouds")).get("value").get(0).get("Name")
        .asText());
  }

  @Test
  void theClockAsSetIsKept() {
    start(EmulatorOptions.builder());
    spf.fixClock(NOON);
    start(EmulatorOptions.builder());
    assertEquals(NOON, spf.now());
    spf.advanceClock(Duration.ofHours(1));
    start(EmulatorOptions.builder());
    assertEquals(NOON.plus(Duration.ofHours(1)), spf.now());
  }

  @Test
  void aSeededSequenceDoesNotDrawTheSameGuidsAgainAfterARestart() {
    start(EmulatorOptions.builder().idSeed(7));
    String first = jsonLight().body(vm("first")).post(root() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    start(EmulatorOptions.builder().idSeed(7));
    String second = jsonLight().body(vm("second")).post(root() + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
    assertNotEquals(first, second);
    assertEquals("first", json(get(first)).get("Name").asText());
    assertEquals("second", json(get(second)).get("Name").asText());
  }

  @Test
  void aJobCompletedInTheBackgroundIsKept() {
    EmulatorOptions.Builder slowJobs = EmulatorOptions.builder().jobDuration(Duration.ofMinutes(10))
        .clock(SettableClock.fixedAt(NOON));
    start(slowJobs);
    String created = jsonLight().body(vm("background")).post(root() + "VirtualMachines?RunAsynchronously=1").then()
        .statusCode(201).extract().header("Location");
    spf.advanceClock(Duration.ofMinutes(10)); // the job thread completes the job, in a unit of its own
    assertEquals("PowerOff", json(get(created)).get("Status").asText());

    start(slowJobs);
    JsonNode vm = json(get(created));
    assertEquals("PowerOff", vm.get("Status").asText());
    assertEquals("Completed", job(vm).get("Status").asText());
  }

  @Test
  void aJobRunningWhenTheEmulatorStoppedHasFailedAfterTheRestart() {
    EmulatorOptions.Builder slowJobs = EmulatorOptions.builder().jobDuration(Duration.ofMinutes(10))
        .clock(SettableClock.fixedAt(NOON));
    start(slowJobs);
    String created = jsonLight().body(vm("interrupted")).post(root() + "VirtualMachines?RunAsynchronously=1").then()
        .statusCode(201).extract().header("Location");
    start(slowJobs);
    JsonNode job = job(json(get(created)));
    assertEquals("Failed", job.get("Status").asText());
    assertEquals("ServiceStopped", job.get("ErrorInfo").get("Code").asText());
    start(slowJobs);
    assertEquals(job, job(json(get(created))), "the failure is kept, not made again");
  }

  private JsonNode job(JsonNode vm) {
    return json(get(root() + "Jobs(ID=guid'" + vm.get("MostRecentTaskId").asText() + "',StampId=guid'" + STAMP + "')"));
  }
}
