package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.Limits;
import dev.spfemu.SpfEmulator;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout is for a client that stops talking, not for an answer that takes its time: a
 * request whose synchronous job lasts longer than the idle timeout, with nothing sent meanwhile,
 * still gets its answer (docs/operations.md, "Slow and many clients").
 */
class SlowAnswerTest {

  private static final String ROOT_PATH = "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/";

  @Test
  void aJobLongerThanTheIdleTimeoutStillAnswers() throws Exception {
    try (SpfEmulator spf = SpfEmulator.builder().dynamicPort().jobDuration(Duration.ofMillis(1500))
        .limits(Limits.defaults().withIdleTimeout(Duration.ofMillis(300))).start()) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          RunningJobs.checkpointCreate(spf.baseUrl() + ROOT_PATH, "slow"), HttpResponse.BodyHandlers.ofString());
      assertEquals(201, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("\"Name\":\"slow\""), answer.body());
    }
  }
}
