package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.admin.Admin;
import dev.spfemu.admin.AdminAccess;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.live.LiveEvents;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.server.auth.Accounts;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.Vmm;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which requests the chain answers on Jetty's network thread and which on a worker, and what happens
 * to an attempt given up on the network thread ({@link NetworkThread}, {@link WorkerNeeded}): the
 * chain as {@link ServerChain} assembles it, behind the body loader as the emulator runs it, with one
 * stage of the test's own after the fault stage that notes where each attempt ran and, asked by a
 * header, writes an answer of its own of a given size.
 */
class NetworkThreadTest {

  private static final String ROOT = "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/";

  private final RequestJournal journal = new RequestJournal(10);
  private final FaultRules faults = new FaultRules();
  /** Where each attempt that reached the test's stage ran: true on the network thread. */
  private final List<Boolean> attempts = new CopyOnWriteArrayList<>();
  /** Set to add a delaying fault rule once the chain has chosen the network thread (see {@link #ids}). */
  private final AtomicBoolean addDelayRuleOnNextId = new AtomicBoolean();
  private Vmm vmm;
  private Server server;

  private void start() throws Exception {
    VmmEdm edm = VmmEdm.loadDefault();
    vmm = Vmm.create(edm.model(), new InMemoryEntityStore(), IdGenerator.random(), Clock.systemUTC(),
        Duration.ofSeconds(1), new WorldEntityJson());
    ODataPipeline pipeline = new ODataPipeline(edm, vmm, Clock.systemUTC(), 100);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(ServerChain.build(pipeline, pipeline, this::ids, journal,
        new EventStreamHandler(new LiveEvents(0), java.time.Duration.ofSeconds(30)), faults, unusedAdmin(),
        Accounts.none(), AdminAccess.loopbackOnly(), new ServerHealth(null), List.of(testStage())));
    new ServerLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 100, Duration.ofSeconds(1), false)
        .applyTo(server, ServerChain.MAX_BODY_BYTES);
    server.start();
  }

  /**
   * The ids of SPF's headers, drawn by the first stage, after the chain chose the thread and before the
   * fault stage: where a test adds a rule as if an admin call had come in just then.
   */
  private UUID ids() {
    if (addDelayRuleOnNextId.getAndSet(false)) {
      faults.add(FaultRule.builder().entitySet("Clouds").delay(Duration.ofMillis(50)).build());
    }
    return UUID.randomUUID();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
      vmm.close();
    }
  }

  /** Notes the attempt; with {@code X-Answer: N}, answers N bytes of 'a' itself, with a header naming the attempt. */
  private Stage testStage() {
    return (exchange, next) -> {
      attempts.add(exchange.onNetworkThread());
      String size = exchange.header("X-Answer");
      if (size == null) {
        next.handle(exchange);
        return;
      }
      exchange.response().setStatus(200);
      exchange.response().getHeaders().add("X-Attempt", String.valueOf(attempts.size()));
      byte[] chunk = new byte[1000];
      Arrays.fill(chunk, (byte) 'a');
      try (OutputStream out = exchange.responseBody()) {
        for (int left = Integer.parseInt(size); left > 0; left -= chunk.length) {
          out.write(chunk, 0, Math.min(left, chunk.length));
        }
      }
    };
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<RecordedRequest> journaled(String path) {
    return journal.requests().stream().filter(recorded -> recorded.url().endsWith(path)).toList();
  }

  @Test
  void aReadIsAnsweredOnTheNetworkThread() throws Exception {
    start();
    assertEquals(200, send("GET", ROOT + "Clouds", null).statusCode());
    assertEquals(List.of(true), attempts);
  }

  @Test
  void writesAReadWithABodyAndEveryRequestWhileFaultRulesAreSetGoToAWorker() throws Exception {
    start();
    send("POST", ROOT + "Clouds", "{}", "Content-Type", "application/json");
    send("DELETE", ROOT + "Clouds(guid'00000000-0000-0000-0000-000000000001')", null);
    send("GET", ROOT + "Clouds", "{}", "Content-Type", "application/json");
    faults.add(FaultRule.builder().entitySet("Jobs").respond(503, "ServiceUnavailable", "down").build());
    assertEquals(200, send("GET", ROOT + "Clouds", null).statusCode());
    assertEquals(List.of(false, false, false, false), attempts);
  }

  @Test
  void aReadAnswerUpToTheLimitIsSentWholeWithItsLength() throws Exception {
    start();
    int size = NetworkThread.READ_ANSWER_LIMIT;
    HttpResponse<String> response = send("GET", ROOT + "Clouds", null, "X-Answer", String.valueOf(size));
    assertEquals(size, response.body().length());
    assertEquals(String.valueOf(size), response.headers().firstValue("Content-Length").orElse(null));
    assertEquals(List.of(true), attempts);
  }

  @Test
  void aReadAnswerPastTheLimitIsAnsweredAgainOnAWorkerAndJournaledOnce() throws Exception {
    start();
    int size = NetworkThread.READ_ANSWER_LIMIT + 1;
    HttpResponse<String> response = send("GET", ROOT + "Clouds", null, "X-Answer", String.valueOf(size));
    assertEquals(200, response.statusCode());
    assertEquals(size, response.body().length());
    assertEquals("a".repeat(size), response.body());
    assertEquals(List.of(true, false), attempts);
    assertEquals(List.of("2"), response.headers().allValues("X-Attempt"), "the first attempt's headers are gone");
    assertEquals(1, response.headers().allValues("x-ms-request-id").size());
    assertEquals(1, journaled(ROOT + "Clouds").size());
    assertEquals(200, journaled(ROOT + "Clouds").get(0).status());
  }

  @Test
  void aWriteAnswerPastTheBufferIsStreamedFromAWorker() throws Exception {
    start();
    int size = 3 * ResponseBody.BUFFER + 7;
    HttpResponse<String> response = send("POST", ROOT + "Clouds", "{}", "Content-Type", "application/json",
        "X-Answer", String.valueOf(size));
    assertEquals("a".repeat(size), response.body());
    assertEquals(List.of(false), attempts);
  }

  @Test
  void aDelayingRuleAddedAfterTheThreadWasChosenSendsTheRequestToAWorker() throws Exception {
    start();
    addDelayRuleOnNextId.set(true);
    HttpResponse<String> response = send("GET", ROOT + "Clouds", null);
    assertEquals(200, response.statusCode());
    assertEquals(List.of(false), attempts, "the first attempt stopped at the fault stage, the second waited");
    assertEquals(1, journaled(ROOT + "Clouds").size());
  }

  private static Admin unusedAdmin() {
    return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
        (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
