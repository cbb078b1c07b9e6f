package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import io.restassured.response.Response;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --access-log}: one line per request through the logger "dev.spfemu.access" (docs/operations.md, "Logging"). */
class AccessLogTest extends EmulatorHttpTest {

  private final Logger access = (Logger) LoggerFactory.getLogger("dev.spfemu.access");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().accessLog(true);
  }

  @BeforeEach
  void listen() {
    lines.list.clear();
    lines.start();
    access.addAppender(lines);
  }

  @AfterEach
  void stopListening() {
    access.detachAppender(lines);
  }

  @Test
  void aRequestIsOneLineWithMethodPathStatusTimeBytesIdSubscriptionAndPrincipal() {
    Response response = jsonLight().header("x-ms-principal-id", "alice@contoso.com")
        .get(spf.serviceRoot(SEED_SUBSCRIPTION) + "VirtualMachines");
    response.then().statusCode(200);

    String line = lineFor(l -> l.contains("/VirtualMachines"));
    String path = "/" + SEED_SUBSCRIPTION + "/services/systemcenter/vmm/VirtualMachines";
    assertTrue(line.matches("GET " + path + " 200 \\d+ ms " + response.body().asByteArray().length + " B id="
        + response.header("x-ms-request-id") + " subscription=" + SEED_SUBSCRIPTION
        + " principal=alice@contoso\\.com"), line);
  }

  @Test
  void errorsAndTheAdminApiAreLoggedTooWithDashesForWhatIsNotThere() {
    request().header("Accept", "application/atom+xml").get(spf.baseUrl() + "/nowhere").then().statusCode(404);
    request().get(spf.baseUrl() + "/_emulator/requests").then().statusCode(200);

    assertTrue(lineFor(l -> l.startsWith("GET /nowhere ")).matches(
        "GET /nowhere 404 \\d+ ms \\d+ B id=" + GUID + " subscription=- principal=-"), lines.list.toString());
    assertTrue(lineFor(l -> l.startsWith("GET /_emulator/requests ")).matches(
        "GET /_emulator/requests 200 \\d+ ms \\d+ B id=- subscription=- principal=-"), lines.list.toString());
  }

  @Test
  void authorizationValuesAreNeverLogged() {
    jsonLight().header("Authorization", "Basic YWxpY2U6czNjcjN0").get(spf.serviceRoot(SEED_SUBSCRIPTION))
        .then().statusCode(200);
    jsonLight().header("Authorization", "Bearer very-secret-token").get(spf.baseUrl() + "/_emulator/requests");

    String line = lineFor(l -> l.startsWith("GET /" + SEED_SUBSCRIPTION + "/services/systemcenter/vmm/ "));
    lineFor(l -> l.startsWith("GET /_emulator/requests"));
    for (ILoggingEvent event : lines.list) {
      String text = event.getFormattedMessage();
      assertFalse(text.contains("YWxpY2U6czNjcjN0") || text.contains("very-secret-token")
          || text.contains("Basic") || text.contains("Bearer"), text);
    }
    assertTrue(line.endsWith("principal=-"), line);
  }

  @Test
  void withoutTheOptionNothingIsLogged() {
    try (SpfEmulator quiet = SpfEmulator.builder().dynamicPort().start()) {
      jsonLight().get(quiet.serviceRoot(SEED_SUBSCRIPTION)).then().statusCode(200);
      quiet.close(); // a stopped server has logged every request it answered
      assertEquals(List.of(), lines.list.stream().map(ILoggingEvent::getFormattedMessage)
          .filter(l -> l.contains(":" + quiet.port()) || l.startsWith("GET /" + SEED_SUBSCRIPTION)).toList());
    }
  }

  @Test
  void theAuthenticatedUserIsThePrincipalOfTheLine() {
    try (SpfEmulator locked = SpfEmulator.builder().dynamicPort().accessLog(true).user("alice", "s3cr3t").start()) {
      jsonLight().auth().preemptive().basic("alice", "s3cr3t").get(locked.serviceRoot(SEED_SUBSCRIPTION) + "Clouds")
          .then().statusCode(200);
      String line = lineFor(l -> l.startsWith("GET /" + SEED_SUBSCRIPTION + "/services/systemcenter/vmm/Clouds 200"));
      assertTrue(line.endsWith("principal=alice"), line);
    }
  }

  /** The access line that matches; Jetty logs once the response is complete, which may be just after the client has it. */
  private String lineFor(Predicate<String> wanted) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (lines.list) {
        for (ILoggingEvent event : List.copyOf(lines.list)) {
          if (wanted.test(event.getFormattedMessage())) {
            assertEquals("INFO", event.getLevel().toString());
            return event.getFormattedMessage();
          }
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no access line matched in " + lines.list);
  }
}
