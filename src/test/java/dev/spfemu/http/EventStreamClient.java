package dev.spfemu.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for tests, as a browser's {@code EventSource} reads a stream: each event
 * (its {@code event}, {@code id} and {@code data} lines up to a blank line) goes to a queue a test
 * takes from; a comment line is an event of type {@code comment}, the end of the stream one of type
 * {@code end}.
 */
final class EventStreamClient implements AutoCloseable {

  /** How long a test waits for an event before it fails (generous: a guard, not a measure). */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  private EventStreamClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code url} with {@code headers} (name, value, …) and reads its events in the background. */
  static EventStreamClient open(String url, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return new EventStreamClient(HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofInputStream()));
  }

  HttpResponse<InputStream> response() {
    return response;
  }

  /** The next event of {@code type}, skipping others; fails the test when none comes within {@link #WAIT}. */
  Event next(String type) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("no '" + type + "' event within " + WAIT.toSeconds() + " s");
      }
      if (event.type().equals(type)) {
        return event;
      }
    }
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String type = "message";
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (data.length() > 0 || !type.equals("message")) {
            events.add(new Event(type, id, data.toString()));
          }
          type = "message";
          id = null;
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        } else if (line.startsWith(":")) {
          events.add(new Event("comment", null, line.substring(1))); // a heartbeat
        }
      }
    } catch (IOException e) {
      // the stream was closed under the reader: that is its end too
    }
    events.add(new Event("end", null, ""));
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }

  record Event(String type, String id, String data) {
  }
}
