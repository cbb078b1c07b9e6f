package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.admin.Admin;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RecordedRequest;
import dev.spfemu.journal.RequestJournal;
import dev.spfemu.live.LiveEvents;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.Vmm;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain as {@link ServerChain} assembles it, over a journal and fault rules of the test's own and
 * with one more stage after the last, failing on demand as a bug would: what the HTTP tests cannot
 * provoke through a whole emulator.
 */
class ServerChainTest {

  private static final String ROOT = "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/";

  private final RequestJournal journal = new RequestJournal(10);
  private final FaultRules faults = new FaultRules();
  private final ServerHealth health = new ServerHealth(null);
  private Vmm vmm;
  private Server server;

  @BeforeEach
  void start() throws Exception {
    VmmEdm edm = VmmEdm.loadDefault();
    IdGenerator ids = IdGenerator.random();
    vmm = Vmm.create(edm.model(), new InMemoryEntityStore(), ids, Clock.systemUTC(), Duration.ofSeconds(1),
        new WorldEntityJson());
    ODataPipeline pipeline = new ODataPipeline(edm, vmm, Clock.systemUTC(), 100);
    Handler chain = ServerChain.build(pipeline, pipeline, ids::next, journal,
        new EventStreamHandler(new LiveEvents(0), java.time.Duration.ofSeconds(30)), faults, unusedAdmin(),
        dev.spfemu.server.auth.Accounts.none(), dev.spfemu.admin.AdminAccess.loopbackOnly(), health,
        List.of(failingStage()));
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(chain);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    vmm.close();
  }

  /** A stage after the chain's own that fails as a bug would, for requests that ask for it. */
  private static Stage failingStage() {
    return (exchange, next) -> {
      if ("oom".equals(exchange.header("X-Fail"))) {
        throw new OutOfMemoryError("Java heap space (thrown by the test)");
      }
      if ("deep".equals(exchange.header("X-Fail"))) {
        throw new StackOverflowError();
      }
      if (exchange.header("X-Fail") != null) {
        throw new IllegalStateException("a bug");
      }
      next.handle(exchange);
    };
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnexpectedFailureIsA500ODataErrorAndIsJournaled() throws Exception {
    HttpResponse<String> response = get(ROOT + "Clouds", "X-Fail", "yes", "Accept",
        "application/json;odata=minimalmetadata");
    assertEquals(500, response.statusCode());
    assertTrue(response.body().contains("\"code\":\"InternalError\""), response.body());
    RecordedRequest recorded = journal.requests().get(journal.requests().size() - 1);
    assertEquals(500, recorded.status());
    assertEquals("Clouds", recorded.entitySet());
  }

  @Test
  void runningOutOfMemoryIsA503AndMakesTheHealthCheckReportDegraded() throws Exception {
    HttpResponse<String> healthy = get("/_emulator/health");
    assertEquals(200, healthy.statusCode());
    assertTrue(healthy.body().contains("\"ok\""), healthy.body());

    HttpResponse<String> response = get(ROOT + "Clouds", "X-Fail", "oom", "Accept",
        "application/json;odata=minimalmetadata");
    assertEquals(503, response.statusCode());
    assertTrue(response.body().contains("\"code\":\"ServiceUnavailable\""), response.body());
    assertEquals(503, journal.requests().get(journal.requests().size() - 1).status());

    HttpResponse<String> degraded = get("/_emulator/health");
    assertEquals(503, degraded.statusCode());
    assertTrue(degraded.body().contains("\"status\":\"degraded\""), degraded.body());
    assertTrue(degraded.body().contains("ran out of memory answering GET " + ROOT + "Clouds"), degraded.body());
    assertEquals(200, get(ROOT + "Clouds").statusCode(), "it still answers what it can");
  }

  @Test
  void aStackOverflowIsA500ODataErrorNotJettysPage() throws Exception {
    HttpResponse<String> response = get(ROOT + "Clouds", "X-Fail", "deep");
    assertEquals(500, response.statusCode());
    assertTrue(response.body().contains("<m:code>InternalError</m:code>"), response.body());
    assertEquals(200, get("/_emulator/health").statusCode(), "a bug is no sign of a degraded server");
  }

  @Test
  void aDroppedConnectionIsJournaledBeforeTheClientSeesIt() {
    faults.add(FaultRule.builder().entitySet("Jobs").dropConnection().build());
    assertThrows(IOException.class, () -> get(ROOT + "Jobs"));
    RecordedRequest recorded = journal.requests().get(journal.requests().size() - 1);
    assertEquals("Jobs", recorded.entitySet());
    assertTrue(recorded.url().endsWith(ROOT + "Jobs"), recorded.url());
  }

  private static Admin unusedAdmin() {
    return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
        (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
