package dev.spfemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.spfemu.SpfEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two {@code @SpfEmulatorTest} classes run at the same time, as a user's parallel build runs them:
 * each gets its own emulator, and neither sees what the other creates.
 */
class ParallelClassesTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  /** Both classes are inside their test at once before either checks (bounded: a stuck run fails). */
  private static volatile CyclicBarrier together;
  private static final Map<String, String> BASE_URLS = new ConcurrentHashMap<>();

  @Test
  void parallelClassesEachGetTheirOwnEmulator() {
    together = new CyclicBarrier(2);
    BASE_URLS.clear();
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .selectors(selectClass(FirstClient.class), selectClass(SecondClient.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    assertEquals(2, Set.copyOf(BASE_URLS.values()).size(), "two emulators: " + BASE_URLS);
  }

  /** Creates a VM named after its class, waits for the other class, then counts what its emulator holds. */
  static void createAndCheckAlone(SpfEmulator spf, String name) throws Exception {
    BASE_URLS.put(name, spf.baseUrl());
    HttpClient http = HttpClient.newHttpClient();
    String root = spf.serviceRoot(SUBSCRIPTION);
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(root + "VirtualMachines"))
        .header("Content-Type", "application/json;odata=minimalmetadata")
        .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"" + name + "\",\"StampId\":"
            + "\"d70c1a9b-c241-48f5-880a-b6c36071e653\",\"CloudId\":\"00000000-0000-4000-8000-000000000101\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    together.await(30, TimeUnit.SECONDS);
    String filter = root + "VirtualMachines/$count?$filter=startswith(Name,'parallel-')";
    HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(filter)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("1", count.body(), "only this class's VM is in this class's emulator");
  }

  @SpfEmulatorTest
  static class FirstClient {
    @Test
    void createsItsVm(SpfEmulator spf) throws Exception {
      createAndCheckAlone(spf, "parallel-first");
    }
  }

  @SpfEmulatorTest
  static class SecondClient {
    @Test
    void createsItsVm(SpfEmulator spf) throws Exception {
      createAndCheckAlone(spf, "parallel-second");
    }
  }
}
