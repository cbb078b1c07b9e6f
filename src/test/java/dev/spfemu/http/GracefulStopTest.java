package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.SpfEmulator;
import java.net.http.HttpClient;
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
    CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(RunningJobs.checkpointCreate(root, "in flight"),
        HttpResponse.BodyHandlers.ofString());
    RunningJobs.await(client, root);

    spf.close();

    HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
    assertEquals(201, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"Name\":\"in flight\""), answer.body());
  }
}
