package dev.spfemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.SpfEmulator;
import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Written as a user of the emulator would write a test: the annotation, java.net.http, the seed request. */
@SpfEmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpfEmulatorTestAnnotationTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";

  private final HttpClient http = HttpClient.newHttpClient();
  private final SpfEmulator injectedIntoConstructor;
  private String created;

  SpfEmulatorTestAnnotationTest(SpfEmulator spf) {
    this.injectedIntoConstructor = spf;
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String seedBody() throws IOException {
    try (InputStream in = SpfEmulatorTestAnnotationTest.class.getResourceAsStream("/fixtures/seed-request.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @Order(1)
  void theSeedRequestCreatesACheckpoint(SpfEmulator spf) throws Exception {
    assertSame(injectedIntoConstructor, spf, "one emulator for the class");
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(spf.serviceRoot(SUBSCRIPTION) + "VMCheckPoints"))
        .header("DataServiceVersion", "3.0;NetFx")
        .header("MaxDataServiceVersion", "3.0;NetFx")
        .header("Content-Type", "application/json;odata=minimalmetadata")
        .header("Accept", "application/json;odata=minimalmetadata")
        .POST(HttpRequest.BodyPublishers.ofString(seedBody()))
        .build());
    assertEquals(201, response.statusCode(), response.body());
    created = response.headers().firstValue("Location").orElseThrow();
    assertEquals(200, send(HttpRequest.newBuilder(URI.create(created)).GET().build()).statusCode());

    List<RecordedRequest> posts = spf.requests("POST", "VMCheckPoints");
    assertEquals(1, posts.size(), "the journal holds what this test sent");
    RecordedRequest sent = posts.get(0);
    assertEquals(201, sent.status());
    assertEquals(SUBSCRIPTION, sent.subscription());
    assertEquals("application/json;odata=minimalmetadata", sent.header("Content-Type"));
    assertEquals(seedBody(), sent.body());
  }

  @Test
  @Order(2)
  void eachTestStartsFromTheStartingWorld(SpfEmulator spf) throws Exception {
    assertTrue(created != null, "the first test ran");
    assertEquals(404, send(HttpRequest.newBuilder(URI.create(created)).GET().build()).statusCode(),
        "the checkpoint of the previous test is gone");
    String vm = spf.serviceRoot(SUBSCRIPTION) + "VirtualMachines(ID=guid'f11b61fa-b5c7-4807-93b4-f9b371896c6f',"
        + "StampId=guid'd70c1a9b-c241-48f5-880a-b6c36071e653')";
    assertEquals(200, send(HttpRequest.newBuilder(URI.create(vm)).GET().build()).statusCode(), "the demo world is back");
  }

  @Test
  @Order(3)
  void resetCanBeCalledInATest(SpfEmulator spf) throws Exception {
    theSeedRequestCreatesACheckpoint(spf);
    spf.reset();
    assertEquals(404, send(HttpRequest.newBuilder(URI.create(created)).GET().build()).statusCode());
  }
}
