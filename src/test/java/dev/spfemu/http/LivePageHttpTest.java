package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.Limits;
import dev.spfemu.SpfEmulator;
import dev.spfemu.vmm.world.WorldOverview;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live page's server side over HTTP (docs/demo.md): the page and its files, the overview it
 * draws, and its event stream (requests with their answers, change notices, replay, limits,
 * protection, and a page that does not read holding up nobody).
 */
class LivePageHttpTest extends EmulatorHttpTest {

  private String admin(SpfEmulator emulator) {
    return emulator.baseUrl() + "/_emulator/";
  }

  // --- the page

  @Test
  void thePageAndItsFilesComeFromTheJarWithAPolicyThatAllowsOnlyThisOrigin() {
    request().get(admin(spf) + "ui").then().statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Cache-Control", "no-cache")
        .header("Content-Security-Policy", containsString("default-src 'none'; script-src 'self'"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("X-Content-Type-Options", "nosniff")
        .body(containsString("/_emulator/ui/app.js"));
    request().get(admin(spf) + "ui/app.js").then().statusCode(200).contentType(startsWith("text/javascript"))
        .body(containsString("EventSource"));
    request().get(admin(spf) + "ui/app.css").then().statusCode(200).contentType(startsWith("text/css"));
    request().get(admin(spf) + "ui/other.js").then().statusCode(404).body("error", containsString("GET ui"));
  }

  @Test
  void thePageItsOverviewAndItsEventsAreProtectedLikeTheRestOfTheAdminApi() throws Exception {
    try (SpfEmulator locked = SpfEmulator.builder().dynamicPort().seed(false).adminToken("s3cret").start()) {
      for (String path : List.of("ui/app.js", "overview")) {
        request().get(admin(locked) + path).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        request().header("Authorization", "Bearer s3cret").get(admin(locked) + path).then().statusCode(200);
      }
      // the page itself asks a browser for Basic, whose password is the token (any user name)
      request().get(admin(locked) + "ui").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
      request().auth().preemptive().basic("presenter", "s3cret").get(admin(locked) + "ui").then().statusCode(200);
      request().auth().preemptive().basic("presenter", "s3cret").get(admin(locked) + "overview").then()
          .statusCode(200);
      try (EventStreamClient refused = EventStreamClient.open(admin(locked) + "events")) {
        assertEquals(401, refused.response().statusCode());
      }
      try (EventStreamClient events = EventStreamClient.open(admin(locked) + "events",
          "Authorization", "Bearer s3cret")) {
        assertEquals(200, events.response().statusCode());
      }
    }
    request().header("Host", "rebound.example:80").get(admin(spf) + "overview").then().statusCode(403)
        .body("error", containsString("DNS rebinding"));
  }

  // --- the overview

  @Test
  void theOverviewHoldsEachSubscriptionsVmsCheckpointTreeAndCurrentCheckpoint() throws Exception {
    JsonNode overview = JSON.readTree(request().get(admin(spf) + "overview").then().statusCode(200)
        .contentType(startsWith("application/json")).header("Cache-Control", "no-cache").extract().asString());

    Instant time = Instant.parse(overview.get("time").asText());
    assertTrue(!time.isAfter(spf.now()), "the emulator clock's time");
    JsonNode demo = subscription(overview, SEED_SUBSCRIPTION);
    assertEquals(List.of("sql-01", "web-01"), names(demo.get("entities").get("VirtualMachines")), "by name");
    assertEquals(List.of("After patching", "Before patching"), names(demo.get("entities").get("VMCheckPoints")));
    assertEquals("00000000-0000-4000-8000-000000000762", demo.get("currentCheckpoints").get(VM).asText());
    assertEquals("Gold Cloud", demo.get("entities").get("Clouds").get(0).get("Name").asText());
    assertEquals(4, demo.get("entities").get("QuotaAndUsageComponents").size());
    assertEquals(4, demo.get("totals").get("Jobs").asInt());
    assertEquals(2, overview.get("subscriptionCount").asInt());
  }

  @Test
  void theOverviewStaysSmallHoweverLargeTheWorld() throws Exception {
    String subscription = UUID.randomUUID().toString();
    StringBuilder world = new StringBuilder("{\"subscriptions\":[{\"id\":\"" + subscription + "\",\"entities\":{");
    world.append("\"VirtualMachines\":[");
    String first = UUID.randomUUID().toString(); // vm-000, the last in the file
    for (int i = 0; i < 250; i++) {
      world.append(i == 0 ? "" : ",").append("{\"ID\":\"").append(i == 249 ? first : UUID.randomUUID())
          .append("\",\"StampId\":\"").append(STAMP).append("\",\"Name\":\"vm-")
          .append(String.format("%03d", 249 - i)).append("\"}");
    }
    world.append("],\"VMCheckPoints\":[");
    for (int i = 0; i < 1500; i++) { // in reverse order of name: cp-2000 … cp-0501
      world.append(i == 0 ? "" : ",").append("{\"ID\":\"").append(UUID.randomUUID()).append("\",\"StampId\":\"")
          .append(STAMP).append("\",\"VMId\":\"").append(first).append("\",\"CheckpointID\":\"")
          .append(UUID.randomUUID()).append("\",\"Name\":\"cp-").append(String.format("%04d", 2000 - i))
          .append("\"}");
    }
    world.append("],\"Jobs\":[");
    for (int i = 0; i < 30; i++) {
      world.append(i == 0 ? "" : ",").append("{\"ID\":\"").append(UUID.randomUUID()).append("\",\"StampId\":\"")
          .append(STAMP).append("\",\"Name\":\"job ").append(i).append("\",\"StartTime\":\"2026-01-01T00:00:")
          .append(String.format("%02d", i)).append("Z\"}");
    }
    world.append("]}}]}");
    try (SpfEmulator large = SpfEmulator.builder().dynamicPort().seed(false).start()) {
      large.importState(new ByteArrayInputStream(world.toString().getBytes(StandardCharsets.UTF_8)), "test");
      JsonNode overview = JSON.readTree(request().get(admin(large) + "overview").then().statusCode(200)
          .extract().asString());
      JsonNode only = subscription(overview, subscription);
      JsonNode vms = only.get("entities").get("VirtualMachines");
      assertEquals(200, vms.size());
      assertEquals("vm-000", vms.get(0).get("Name").asText());
      assertEquals(250, only.get("totals").get("VirtualMachines").asInt());
      JsonNode checkpoints = only.get("entities").get("VMCheckPoints");
      assertEquals(WorldOverview.CHECKPOINTS, checkpoints.size());
      assertEquals("cp-0501", checkpoints.get(0).get("Name").asText());
      assertEquals("cp-1500", checkpoints.get(WorldOverview.CHECKPOINTS - 1).get("Name").asText(),
          "the first thousand by name, not the first thousand found");
      assertEquals(1500, only.get("totals").get("VMCheckPoints").asInt());
      JsonNode jobs = only.get("entities").get("Jobs");
      assertEquals(20, jobs.size());
      assertEquals("job 29", jobs.get(0).get("Name").asText(), "newest first");
      assertEquals(30, only.get("totals").get("Jobs").asInt());
    }
  }

  // --- the events

  @Test
  void aRequestReachesThePageWithItsAnswerAndAWriteIsFollowedByAChange() throws Exception {
    String root = newRoot();
    try (EventStreamClient events = EventStreamClient.open(admin(spf) + "events")) {
      assertEquals(200, events.response().statusCode());
      assertEquals("text/event-stream;charset=utf-8",
          events.response().headers().firstValue("Content-Type").orElseThrow());
      assertEquals("no-cache", events.response().headers().firstValue("Cache-Control").orElseThrow());

      Response created = jsonLight().body(DemoWorld.checkpointBody("Live one")).post(root + "VMCheckPoints");
      created.then().statusCode(201);

      JsonNode seen = requestEvent(events, "POST");
      assertEquals(201, seen.get("status").asInt());
      String path = root.substring(spf.baseUrl().length()) + "VMCheckPoints";
      assertEquals(path, seen.get("path").asText());
      assertEquals(spf.baseUrl() + path, seen.get("url").asText());
      assertEquals(root.split("/")[3], seen.get("subscription").asText());
      assertTrue(!Instant.parse(seen.get("time").asText()).isAfter(Instant.now()), seen.toString());
      assertEquals(DemoWorld.checkpointBody("Live one").length(), seen.get("request").get("bodySize").asLong());
      assertEquals(seen.get("response").get("body").asText().length(), seen.get("response").get("bodySize").asLong());
      assertEquals("VMCheckPoints", seen.get("entitySet").asText());
      assertEquals(created.header("x-ms-request-id"), seen.get("requestId").asText(), "the job it started");
      assertTrue(seen.get("millis").asLong() >= 0);
      assertTrue(seen.get("request").get("body").asText().contains("Live one"));
      assertEquals(JSON_LIGHT, seen.get("request").get("headers").get("Content-Type").asText());
      assertTrue(seen.get("response").get("body").asText().contains("\"Name\":\"Live one\""),
          seen.get("response").toString());
      assertTrue(seen.get("response").get("headers").get("Location").asText().contains("VMCheckPoints("));
      assertEquals(false, seen.get("response").get("bodyTruncated").asBoolean());
      events.next("change");

      request().get(root + "VMCheckPoints").then().statusCode(200);
      assertEquals("GET", requestEvent(events, "GET").get("method").asText());
    }
  }

  @Test
  void aPageHearsOfAnAdminChangeAndSecretsStayMasked() throws Exception {
    String root = emptyRoot();
    try (EventStreamClient events = EventStreamClient.open(admin(spf) + "events")) {
      request().contentType("application/json").body("{\"seconds\":60}").post(admin(spf) + "clock/advance")
          .then().statusCode(200);
      events.next("change");

      jsonLight().body("{\"Name\":\"secret-vm\",\"StampId\":\"" + STAMP + "\",\"LocalAdminPassword\":\"Hunter2\"}")
          .post(root + "VirtualMachines");
      JsonNode seen = requestEvent(events, "POST");
      assertTrue(!seen.toString().contains("Hunter2") && seen.get("request").get("body").asText().contains("***"),
          seen.toString());
    }
  }

  @Test
  void aPageThatReconnectsGetsWhatItMissedAfterItsLastEventId() throws Exception {
    String root = emptyRoot();
    String lastId;
    try (EventStreamClient events = EventStreamClient.open(admin(spf) + "events")) {
      request().get(root + "Clouds").then().statusCode(200);
      lastId = events.next("request").id();
      request().get(root + "VMTemplates").then().statusCode(200);
      events.next("request");
      try (EventStreamClient again = EventStreamClient.open(admin(spf) + "events", "Last-Event-ID", lastId)) {
        JsonNode missed = JSON.readTree(again.next("request").data());
        assertEquals(Long.parseLong(lastId) + 1, missed.get("id").asLong());
        assertTrue(missed.get("path").asText().endsWith("/VMTemplates"), missed.toString());
      }
    }
  }

  @Test
  void pagesBeyondTheLimitAreRefusedWith503AndStoppingEndsTheStreams() throws Exception {
    try (SpfEmulator one = SpfEmulator.builder().dynamicPort().seed(false)
        .limits(Limits.defaults().withMaxEventStreams(1)).start()) {
      EventStreamClient first = EventStreamClient.open(admin(one) + "events");
      request().get(admin(one) + "events").then().statusCode(503)
          .contentType(startsWith("application/json")).body("error", containsString("--max-event-streams"))
          .header("Cache-Control", org.hamcrest.Matchers.nullValue()); // none of the stream's headers
      one.close();
      first.next("end"); // the stream ended with the emulator instead of holding its stop
      first.close();
    }
  }

  @Test
  void aLongAnswerIsCutAtTheJournalsBodyLimitAndAnIdleStreamGetsHeartbeats() throws Exception {
    try (SpfEmulator small = SpfEmulator.builder().dynamicPort()
        .limits(Limits.defaults().withJournalBodyBytes(100).withIdleTimeout(java.time.Duration.ofMillis(2000)))
        .start()) {
      try (EventStreamClient events = EventStreamClient.open(admin(small) + "events")) {
        request().get(small.serviceRoot(SEED_SUBSCRIPTION) + "VirtualMachines").then().statusCode(200);
        JsonNode seen = requestEvent(events, "GET");
        JsonNode response = seen.get("response");
        assertEquals(100, response.get("body").asText().length(), "the first 100 bytes");
        assertTrue(response.get("bodyTruncated").asBoolean());
        assertTrue(response.get("bodySize").asLong() > 1000, response.get("bodySize").asText());

        // idle past the idle timeout: the heartbeat (every second) keeps the stream open
        for (int beat = 0; beat < 3; beat++) {
          events.next("comment");
        }
        request().get(small.serviceRoot(SEED_SUBSCRIPTION) + "Clouds").then().statusCode(200);
        assertTrue(requestEvent(events, "GET").get("path").asText().endsWith("/Clouds"), "still open");
      }
    }
  }

  @Test
  @Timeout(120) // a guard against a hang, not a measure
  void aPageThatNeverReadsHoldsUpNoRequest() throws Exception {
    String root = emptyRoot();
    try (Socket stuck = new Socket()) {
      stuck.setReceiveBufferSize(1024);
      stuck.connect(new InetSocketAddress("127.0.0.1", spf.port()));
      OutputStream out = stuck.getOutputStream();
      out.write(("GET /_emulator/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = stuck.getInputStream();
      assertTrue(new String(in.readNBytes(12), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));

      String padding = "x".repeat(4000); // each event carries it: megabytes the page never reads
      for (int i = 0; i < 1500; i++) {
        request().header("X-Padding", padding + i).get(root + "Clouds").then().statusCode(200);
      }
      request().get(admin(spf) + "health").then().statusCode(200).body("status", equalTo("ok"));
    }
  }

  private static JsonNode requestEvent(EventStreamClient events, String method) throws Exception {
    while (true) {
      JsonNode data = JSON.readTree(events.next("request").data());
      if (data.get("method").asText().equals(method)) {
        return data;
      }
    }
  }

  private static JsonNode subscription(JsonNode overview, String id) {
    for (JsonNode subscription : overview.get("subscriptions")) {
      if (subscription.get("id").asText().equals(id)) {
        return subscription;
      }
    }
    throw new AssertionError(id + " is not in the overview");
  }

  private static List<String> names(JsonNode entities) {
    List<String> names = new ArrayList<>();
    entities.forEach(entity -> names.add(entity.get("Name").asText()));
    return names;
  }
}
