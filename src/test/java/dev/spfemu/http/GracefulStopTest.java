package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.SpfEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code close()} lets a request in flight finish before the server stops (docs/operations.md). */
class GracefulStopTest {

  private static final String ROOT_PATH = "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/";

  @Test
  void closeLetsARequestWaitingForItsJobFinish() throws Exception {
    SpfEmulator spf = SpfEmulator.builder().dynamicPort().jobDuration(Duration.ofSeconds(2)).start();
    String root = spf.baseUrl() + ROOT_PATH;
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
            URI.create(root + "VMCheckPoints"))
        .header("DataServiceVersion", "3.0;NetFx")
        .header("Content-Type", "application/json;odata=minimalmetadata")
        .header("Accept", "application/json;odata=minimalmetadata")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"in flight\",\"StampId\":\""
            + "d70c1a9b-c241-48f5-880a-b6c36071e653\",\"VMId\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    RunningJobs.await(client, root);

    spf.close();

    HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
    assertEquals(201, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"Name\":\"in flight\""), answer.body());
  }
}
