package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.Limits;
import dev.spfemu.SpfEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their headers and then trickle their body hold no thread while they do, so a
 * flood of them does not starve everybody else; a body that takes too long gets a 408
 * (docs/operations.md, "Slow and many clients, and shutdown").
 */
class SlowClientsTest extends EmulatorHttpTest {

  /** Ten times the thread pool (200), as the issue asks: without the body loader, every thread waits for a body. */
  private static final int SLOW_CLIENTS = 2000;

  @Test
  void aFloodOfSlowBodiesLeavesThreadsForEveryoneElse() throws Exception {
    URI root = URI.create(spf.serviceRoot(SEED_SUBSCRIPTION));
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.getOutputStream().write(head(root, "VMCheckPoints", 1000).getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write('{');
        slow.add(socket);
      }
      trickle.scheduleWithFixedDelay(() -> slow.forEach(SlowClientsTest::sendOneByte), 1, 1, TimeUnit.SECONDS);

      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root)
          .header("Accept", JSON_LIGHT).timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());

      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(JSON.readTree(answer.body()).path("value").isArray(), answer.body());
    } finally {
      trickle.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aBodyStillArrivingAfterTheBodyTimeoutIs408JsonLight() throws Exception {
    try (SpfEmulator quick = quickTimeouts(Duration.ofMillis(500), Limits.DEFAULT_IDLE_TIMEOUT)) {
      String reply = trickleUntilAnswered(quick, "Accept: application/json");
      assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
      JsonNode error = JSON.readTree(reply.substring(reply.indexOf("\r\n\r\n") + 4));
      assertEquals("RequestTimeout", error.path("odata.error").path("code").asText(), reply);
      assertTrue(error.path("odata.error").path("message").path("value").asText()
          .startsWith("The request body did not arrive within 500 ms (the body timeout)"), reply);
    }
  }

  @Test
  void aBodyStillArrivingAfterTheBodyTimeoutIs408Atom() throws Exception {
    try (SpfEmulator quick = quickTimeouts(Duration.ofMillis(500), Limits.DEFAULT_IDLE_TIMEOUT)) {
      String reply = trickleUntilAnswered(quick, "Accept: application/atom+xml");
      assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
      assertTrue(reply.contains("<m:code>RequestTimeout</m:code>"), reply);
      assertTrue(reply.contains("did not arrive within 500 ms"), reply);
    }
  }

  @Test
  void aBodyThatStopsArrivingIs408AfterTheIdleTimeout() throws Exception {
    try (SpfEmulator quick = quickTimeouts(Duration.ofSeconds(60), Duration.ofMillis(500))) {
      URI root = URI.create(quick.serviceRoot(SEED_SUBSCRIPTION));
      try (Socket socket = new Socket(root.getHost(), root.getPort())) {
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write((head(root, "VMCheckPoints", 100).replace("\r\n\r\n",
            "\r\nAccept: application/json\r\n\r\n")).getBytes(StandardCharsets.ISO_8859_1));
        String reply = readAll(socket.getInputStream());
        assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
        assertTrue(reply.contains("\"code\":\"RequestTimeout\""), reply);
        assertTrue(reply.contains("idle while the request body was expected (the idle timeout)"), reply);
      }
    }
  }

  @Test
  void beyondTheMostConnectionsANewOneWaitsUntilAnotherCloses() throws Exception {
    try (SpfEmulator one = SpfEmulator.create(EmulatorOptions.builder().dynamicPort()
        .limits(Limits.defaults().withMaxConnections(1)).build()).start()) {
      URI root = URI.create(one.serviceRoot(SEED_SUBSCRIPTION));
      try (Socket first = new Socket(root.getHost(), root.getPort())) {
        first.setSoTimeout(30_000);
        first.getOutputStream().write(head(root, "VMCheckPoints", 2).getBytes(StandardCharsets.ISO_8859_1));
        first.getOutputStream().write('{'); // the first connection is accepted: its request is in flight
        var second = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(root).header("Accept", JSON_LIGHT)
            .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());

        first.getOutputStream().write('}');
        String firstReply = readHead(first.getInputStream());
        assertTrue(firstReply.startsWith("HTTP/1.1 400 "), firstReply); // an empty checkpoint: answered, kept open
        assertTrue(!second.isDone(), "the second connection waits while the first is open");
        first.close();

        assertEquals(200, second.get(40, TimeUnit.SECONDS).statusCode());
      }
    }
  }

  /** The status line and headers of one response (the connection stays open). */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static SpfEmulator quickTimeouts(Duration body, Duration idle) {
    return SpfEmulator.create(EmulatorOptions.builder().dynamicPort()
        .limits(Limits.defaults().withBodyTimeout(body).withIdleTimeout(idle)).build()).start();
  }

  /** Sends a POST's head and then a byte every 100 ms until the server answers; returns the answer. */
  private static String trickleUntilAnswered(SpfEmulator emulator, String accept) throws IOException {
    URI root = URI.create(emulator.serviceRoot(SEED_SUBSCRIPTION));
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head(root, "VMCheckPoints", 100_000).replace("\r\n\r\n",
          "\r\n" + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      trickle.scheduleWithFixedDelay(() -> sendOneByte(socket), 0, 100, TimeUnit.MILLISECONDS);
      return readAll(socket.getInputStream());
    } finally {
      trickle.shutdownNow();
    }
  }

  private static String head(URI root, String set, int contentLength) {
    return "POST " + root.getRawPath() + set + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
        + "\r\nDataServiceVersion: 3.0;NetFx\r\nContent-Type: " + JSON_LIGHT
        + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
  }

  private static void sendOneByte(Socket socket) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(' ');
      out.flush();
    } catch (IOException closed) {
      // the server closed it: nothing more to send
    }
  }

  /** Everything the server sends until it closes the connection (it does after a 408). */
  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException reset) {
      // a reset after the answer: what came before it is the answer
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
