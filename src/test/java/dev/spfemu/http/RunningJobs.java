package dev.spfemu.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** Waiting, over HTTP, for a request's VMM job to be running: the request is then in the server's hands. */
public final class RunningJobs {

  private RunningJobs() {
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
