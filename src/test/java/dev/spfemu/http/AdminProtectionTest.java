package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.SpfEmulator;
import dev.spfemu.faults.FaultRule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The admin API's protections over HTTP: who may call (a token, users, or this machine only), no
 * cross-site writes, inputs that cannot break the emulator later (clock, fault delays and patterns,
 * a failed import), and fault rules listed and removed one by one.
 */
class AdminProtectionTest extends EmulatorHttpTest {

  private String admin(SpfEmulator emulator) {
    return emulator.baseUrl() + "/_emulator/";
  }

  @AfterEach
  void clearFaults() {
    spf.clearFaults();
  }

  // --- who may call

  @Test
  void anAdminTokenIsRequiredAsABearerToken() {
    try (SpfEmulator locked = SpfEmulator.builder().dynamicPort().seed(false).adminToken("s3cret").start()) {
      request().get(admin(locked) + "health").then().statusCode(401)
          .header("WWW-Authenticate", containsString("Bearer"))
          .contentType(containsString("application/json"))
          .body("error", containsString("Authorization: Bearer"));
      request().header("Authorization", "Bearer wrong").post(admin(locked) + "reset").then().statusCode(401);
      request().header("Authorization", "Basic czNjcmV0").post(admin(locked) + "reset").then().statusCode(401);
      request().header("Authorization", "Bearer s3cret").get(admin(locked) + "health").then().statusCode(200)
          .body("status", equalTo("ok"));
      request().header("Authorization", "Bearer s3cret").post(admin(locked) + "reset").then().statusCode(204);
    }
  }

  @Test
  void withUsersAndNoTokenAUserMayCallWithBasic() {
    try (SpfEmulator withUsers = SpfEmulator.builder().dynamicPort().seed(false).user("alice", "pw").start()) {
      request().get(admin(withUsers) + "health").then().statusCode(401)
          .header("WWW-Authenticate", containsString("Basic realm="))
          .body("error", containsString("HTTP Basic"));
      request().header("Authorization", basic("alice", "wrong")).get(admin(withUsers) + "health").then()
          .statusCode(401);
      request().header("Authorization", basic("alice", "pw")).get(admin(withUsers) + "health").then()
          .statusCode(200);
    }
  }

  @Test
  void onANonLoopbackAddressWithNoCredentialOnlyThisMachineMayCallAndStartWarns() throws SocketException {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(SpfEmulator.class);
    log.start();
    logger.addAppender(log);
    try (SpfEmulator exposed = SpfEmulator.builder().host("0.0.0.0").dynamicPort().seed(false).start()) {
      assertTrue(log.list.stream().anyMatch(e -> e.getLevel().toString().equals("WARN")
          && e.getFormattedMessage().contains("0.0.0.0") && e.getFormattedMessage().contains("--admin-token")),
          "warned at start");
      String loopback = "http://127.0.0.1:" + exposed.port() + "/_emulator/";
      request().get(loopback + "health").then().statusCode(200);
      request().post(loopback + "reset").then().statusCode(204);

      Optional<InetAddress> own = ownNonLoopbackAddress();
      assumeTrue(own.isPresent(), "this machine has a non-loopback IPv4 address to call from");
      String remote = "http://" + own.get().getHostAddress() + ":" + exposed.port() + "/_emulator/";
      request().get(remote + "health").then().statusCode(403)
          .body("error", containsString("not a loopback address"));
      request().post(remote + "reset").then().statusCode(403);
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void onLoopbackNothingIsWarned() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(SpfEmulator.class);
    log.start();
    logger.addAppender(log);
    try (SpfEmulator local = SpfEmulator.builder().dynamicPort().seed(false).start()) {
      request().get(admin(local) + "health").then().statusCode(200);
      assertTrue(log.list.stream().noneMatch(e -> e.getFormattedMessage().contains("--admin-token")));
    } finally {
      logger.detachAppender(log);
    }
  }

  // --- no cross-site writes

  @Test
  void aWriteFromAForeignOriginIsRefusedAndChangesNothing() {
    String root = newRoot();
    request().header("Origin", "http://evil.example").post(admin(spf) + "reset").then().statusCode(403)
        .body("error", containsString("Origin: http://evil.example"));
    request().header("Origin", "null").contentType("application/json").body("{\"status\":500}")
        .post(admin(spf) + "faults").then().statusCode(403);
    jsonLight().get(root + "VirtualMachines").then().statusCode(200).body("value.size()", equalTo(1));
    request().get(admin(spf) + "faults").then().statusCode(200).body("faults.size()", equalTo(0));
    request().header("Origin", spf.baseUrl()).delete(admin(spf) + "requests").then().statusCode(204);
  }

  /** DNS rebinding: a page of evil.example, its name now resolving to 127.0.0.1, sends its own Host and Origin. */
  @Test
  void aCallUnderANonLoopbackHostNameIsRefusedWithoutACredential() {
    String root = newRoot();
    int port = spf.port();
    request().header("Host", "evil.example:" + port).header("Origin", "http://evil.example:" + port)
        .post(admin(spf) + "reset").then().statusCode(403).body("error", containsString("DNS rebinding"));
    request().header("Host", "evil.example").get(admin(spf) + "state").then().statusCode(403);
    jsonLight().get(root + "VirtualMachines").then().statusCode(200).body("value.size()", equalTo(1));
    request().header("Host", "localhost:" + port).get(admin(spf) + "health").then().statusCode(200);
    request().header("Host", "[::1]:" + port).get(admin(spf) + "health").then().statusCode(200);
    try (SpfEmulator locked = SpfEmulator.builder().dynamicPort().adminToken("t0ken").start()) {
      request().header("Host", "spf.example.com").header("Authorization", "Bearer t0ken")
          .get(admin(locked) + "health").then().statusCode(200); // with a credential, the name does not matter
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "text/json"})
  void aWriteWhoseBodyIsNotJsonIs415(String type) {
    request().contentType(type).body("{\"status\":500}").post(admin(spf) + "faults").then().statusCode(415)
        .body("error", containsString("application/json"));
    request().get(admin(spf) + "faults").then().statusCode(200).body("faults.size()", equalTo(0));
  }

  // --- inputs that cannot break the emulator later

  @ParameterizedTest
  @ValueSource(strings = {"{\"fixed\":\"+1000000000-12-31T23:59:59.999999999Z\"}", "{\"fixed\":\"-1000000000-01-01T00:00:00Z\"}",
      "{\"fixed\":\"1899-12-31T23:59:59Z\"}", "{\"fixed\":\"10000-01-01T00:00:00Z\"}", "{\"fixed\":\"yesterday\"}",
      "{\"offsetSeconds\":9223372036854775807}", "{\"offsetSeconds\":-9223372036854775808}",
      "{\"offsetSeconds\":1e30}", "{\"offsetSeconds\":99999999999999999999999}", "{\"offsetSeconds\":3155760001}",
      "{\"offsetSeconds\":\"soon\"}", "{\"offsetSeconds\":1,\"offsetSeconds\":2}", "{\"offsetSeconds\":1}{}"})
  void aClockSettingOutsideTheRangeIs400AndChangesNothing(String setting) {
    String before = request().get(admin(spf) + "clock").then().extract().path("now");
    request().contentType("application/json").body(setting).put(admin(spf) + "clock").then().statusCode(400)
        .body("error", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    assertClockUnchangedAndServing(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"seconds\":3155760001}", "{\"seconds\":-3155760001}", "{\"seconds\":9223372036854775807}",
      "{\"seconds\":1.5}", "{\"seconds\":\"60\"}", "{}"})
  void aClockMoveBeyondACenturyIs400AndChangesNothing(String move) {
    String before = request().get(admin(spf) + "clock").then().extract().path("now");
    request().contentType("application/json").body(move).post(admin(spf) + "clock/advance").then().statusCode(400);
    assertClockUnchangedAndServing(before);
  }

  private void assertClockUnchangedAndServing(String before) {
    String after = request().get(admin(spf) + "clock").then().statusCode(200).extract().path("now");
    assertFalse(java.time.Instant.parse(after).isBefore(java.time.Instant.parse(before)), "the clock still runs");
    assertTrue(java.time.Instant.parse(after).isBefore(java.time.Instant.parse(before).plusSeconds(3600)),
        "not moved: " + before + " then " + after);
    String root = newRoot();
    jsonLight().get(root + "VirtualMachines").then().statusCode(200).body("value.size()", equalTo(1));
    dotNet4().get(root + "VirtualMachines").then().statusCode(200);
  }

  @Test
  void theEdgesOfTheRangeAreServedInEveryFormat() {
    try (SpfEmulator edge = SpfEmulator.builder().dynamicPort().start()) {
      String root = edge.serviceRoot(DEMO_SUBSCRIPTION);
      for (String at : new String[] {"9999-12-31T23:59:59Z", "1900-01-01T00:00:00Z"}) {
        request().contentType("application/json").body("{\"fixed\":\"" + at + "\"}").put(admin(edge) + "clock").then()
            .statusCode(200).body("now", equalTo(at));
        jsonLight().body(checkpointBody("edge")).post(root + "VMCheckPoints").then().statusCode(201);
        jsonLight().get(root + "Jobs").then().statusCode(200);
        dotNet4().get(root + "Jobs").then().statusCode(200);
      }
    }
  }

  @Test
  void aFaultDelayAboveTheLimitIs400() {
    request().contentType("application/json").body("{\"delayMillis\":60001}").post(admin(spf) + "faults").then()
        .statusCode(400).body("error", equalTo("a fault delay is at most 60000 ms (the emulator's limit), not 60001 ms"));
    request().contentType("application/json").body("{\"delayMillis\":0,\"maxDelayMillis\":2147483647}")
        .post(admin(spf) + "faults").then().statusCode(400);
    request().contentType("application/json").body("{\"delayMillis\":60000}").post(admin(spf) + "faults").then()
        .statusCode(201);
    assertThrows(IllegalArgumentException.class,
        () -> spf.addFault(FaultRule.builder().delay(Duration.ofSeconds(61)).build()), "the Java API too");
    try (SpfEmulator strict = SpfEmulator.builder().dynamicPort().seed(false)
        .limits(dev.spfemu.Limits.defaults().withMaxFaultDelay(Duration.ofSeconds(1))).start()) {
      request().contentType("application/json").body("{\"delayMillis\":1001}").post(admin(strict) + "faults").then()
          .statusCode(400).body("error", containsString("at most 1000 ms"));
    }
  }

  @Test
  void deletingTheFaultsReleasesARequestWaitingInADelay() throws Exception {
    assertReleasedBy(() -> request().delete(admin(spf) + "faults").then().statusCode(204));
  }

  @Test
  void aResetReleasesARequestWaitingInADelay() throws Exception {
    try (SpfEmulator other = SpfEmulator.builder().dynamicPort().start()) {
      SpfEmulator shared = spf;
      spf = other;
      try {
        assertReleasedBy(() -> request().post(admin(other) + "reset").then().statusCode(204));
      } finally {
        spf = shared;
      }
    }
  }

  /** A request waiting in a 30 s delay completes once {@code release} runs, served normally. */
  private void assertReleasedBy(Runnable release) throws Exception {
    String root = demoRoot();
    request().contentType("application/json").body("{\"header\":\"x-test\",\"headerValue\":\"slow\","
        + "\"delayMillis\":30000,\"status\":503,\"times\":1}").post(admin(spf) + "faults").then().statusCode(201);
    CompletableFuture<HttpResponse<String>> waiting = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(URI.create(root + "Clouds")).header("x-test", "slow")
            .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    // the rule is used up (no longer listed) once the request hit it, and it then waits in the delay
    for (int i = 0; i < 500 && request().get(admin(spf) + "faults").then().extract().jsonPath()
        .getList("faults").size() > 0; i++) {
      Thread.sleep(10);
    }
    assertFalse(waiting.isDone(), "waiting in the delay");
    release.run();
    HttpResponse<String> response = waiting.get(20, TimeUnit.SECONDS); // well before the delay's 30 s
    assertEquals(200, response.statusCode(), "served normally: its rule is gone");
  }

  @Test
  void aCatastrophicPathPatternIsBoundedAndCountsAsNoMatch() {
    String root = newRoot();
    request().contentType("application/json").body("{\"path\":\"(a+)+$\",\"status\":500}")
        .post(admin(spf) + "faults").then().statusCode(201);
    String hostile = root + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')/" + "a".repeat(64) + "!";
    int status = jsonLight().get(hostile).then().extract().statusCode();
    assertTrue(status >= 400 && status < 500, "answered as without the rule: " + status);
    jsonLight().get(root + "VirtualMachines").then().statusCode(200);
  }

  @Test
  void faultRulesAreListedAndRemovedOneByOne() {
    String root = newRoot();
    String first = request().contentType("application/json").body("{\"entitySet\":\"VirtualMachines\",\"status\":503,"
        + "\"code\":\"Busy\",\"times\":5}").post(admin(spf) + "faults").then().statusCode(201)
        .body("entitySet", equalTo("VirtualMachines")).body("times", equalTo(5)).extract().path("id");
    String second = request().contentType("application/json").body("{\"path\":\"/Clouds\",\"status\":500}")
        .post(admin(spf) + "faults").then().statusCode(201).extract().path("id");
    JsonNode listed = json(request().get(admin(spf) + "faults").then().statusCode(200).extract().asString());
    assertEquals(2, listed.get("faults").size());
    assertEquals(first, listed.get("faults").get(0).get("id").asText());
    assertEquals("Busy", listed.get("faults").get(0).get("code").asText());
    assertEquals(second, listed.get("faults").get(1).get("id").asText());
    assertEquals("/Clouds", listed.get("faults").get(1).get("path").asText());

    jsonLight().get(root + "VirtualMachines").then().statusCode(503);
    request().delete(admin(spf) + "faults/" + first).then().statusCode(204);
    jsonLight().get(root + "VirtualMachines").then().statusCode(200);
    jsonLight().get(root + "Clouds").then().statusCode(500);
    request().delete(admin(spf) + "faults/" + first).then().statusCode(404)
        .body("error", containsString("'" + first + "'"));
    request().get(admin(spf) + "faults").then().body("faults.id", equalTo(java.util.List.of(second)));
  }

  @Test
  void theJavaApiListsAndRemovesFaultsToo() {
    String id = spf.addFault(FaultRule.builder().entitySet("Clouds").respond(500, "Boom", "boom").build());
    assertEquals(java.util.List.of(id), spf.faults().stream().map(f -> f.id()).toList());
    assertTrue(spf.removeFault(id));
    assertTrue(spf.faults().isEmpty());
    jsonLight().get(demoRoot() + "Clouds").then().statusCode(200);
  }

  // --- a failed import leaves the world as it was

  @ParameterizedTest
  @ValueSource(strings = {
      // inconsistent (an address outside its pool): found only after every entity is stored
      "{\"subscriptions\":[{\"id\":\"ae122d5f-3aab-4d75-ad48-d6593246a49e\",\"entities\":{"
          + "\"VirtualMachines\":[{\"ID\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\","
          + "\"StampId\":\"d70c1a9b-c241-48f5-880a-b6c36071e653\",\"Name\":\"web\"}],"
          + "\"StaticIPAddressPools\":[{\"ID\":\"00000000-0000-4000-8000-000000000651\","
          + "\"StampId\":\"d70c1a9b-c241-48f5-880a-b6c36071e653\","
          + "\"IPAddressRangeStart\":\"10.0.0.10\",\"IPAddressRangeEnd\":\"10.0.0.250\"}],"
          + "\"VirtualNetworkAdapters\":[{\"ID\":\"00000000-0000-4000-8000-000000000721\","
          + "\"StampId\":\"d70c1a9b-c241-48f5-880a-b6c36071e653\",\"VMId\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\","
          + "\"IPv4Addresses\":[\"10.9.9.9\"],\"IPv4AddressPoolsId\":[\"00000000-0000-4000-8000-000000000651\"]}]}}]}",
      // the VMM part loads, the Admin part does not
      "{\"subscriptions\":[],\"admin\":{\"entities\":{\"NoSuchSet\":[]}}}",
      // a member twice, and a document after the document
      "{\"subscriptions\":[],\"subscriptions\":[]}",
      "{\"subscriptions\":[]}{\"subscriptions\":[]}",
      "{\"subscriptions\":[{\"id\":\"nope\"}]}"})
  void aFailedImportLeavesTheWorldUnchanged(String world) throws IOException {
    try (SpfEmulator other = SpfEmulator.builder().dynamicPort().start()) {
      String root = other.serviceRoot(DEMO_SUBSCRIPTION);
      jsonLight().body(checkpointBody("kept")).post(root + "VMCheckPoints").then().statusCode(201);
      String before = request().get(admin(other) + "state").then().statusCode(200).extract().asString();
      request().contentType("application/json").body(world).put(admin(other) + "state").then().statusCode(400)
          .body("error", containsString("the imported state"));
      assertEquals(json(before), json(request().get(admin(other) + "state").then().statusCode(200).extract().asString()));
      jsonLight().get(root + "VMCheckPoints").then().statusCode(200)
          .body("value.Name", org.hamcrest.Matchers.hasItem("kept"));
      dotNet4().get(root + "VMCheckPoints").then().statusCode(200);

      assertThrows(IllegalArgumentException.class, () -> other.importState(
          new ByteArrayInputStream(world.getBytes(StandardCharsets.UTF_8)), "the imported state"), "Java API too");
      ByteArrayOutputStream after = new ByteArrayOutputStream();
      other.exportState(after);
      assertEquals(json(before), json(after.toString(StandardCharsets.UTF_8)));
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<InetAddress> ownNonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }
}
