package dev.spfemu.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waiting, over HTTP, for a request's VMM job to be running: the request is then in the server's hands. */
public final class RunningJobs {

  private RunningJobs() {
  }

  /**
   * A checkpoint create on the demo world's VM (JSON light), whose synchronous job lasts as long as the
   * emulator's job duration: a request that stays in the server's hands for that long.
   */
  public static HttpRequest checkpointCreate(String root, String name) {
    return HttpRequest.newBuilder(URI.create(root + "VMCheckPoints"))
        .header("DataServiceVersion", "3.0;NetFx")
        .header("Content-Type", "application/json;odata=minimalmetadata")
        .header("Accept", "application/json;odata=minimalmetadata")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"" + name + "\",\"StampId\":\""
            + "d70c1a9b-c241-48f5-880a-b6c36071e653\",\"VMId\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\"}"))
        .build();
  }

  /** Waits until a job of the service root {@code root} is stored and running. */
  public static void await(HttpClient client, String root) throws Exception {
    URI running = URI.create(root + "Jobs?$filter=Status%20eq%20'Running'");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String jobs = client.send(HttpRequest.newBuilder(running).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (jobs.contains("\"Running\"")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the checkpoint's job never ran");
  }
}
