package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Subscriptions never see each other's entities; two emulators in one JVM share nothing. */
class IsolationTest extends EmulatorHttpTest {

  @Test
  void oneSubscriptionNeverSeesAnothers() {
    String subscriptionA = UUID.randomUUID().toString();
    String subscriptionB = UUID.randomUUID().toString();
    addVm(spf.serviceRoot(subscriptionA));
    String location = createCheckpoint(spf.serviceRoot(subscriptionA), "A's");

    jsonLight().get(location.replace(subscriptionA, subscriptionB)).then().statusCode(404);
    assertEquals(0, countCheckpoints(spf.serviceRoot(subscriptionB)));
    assertEquals(1, countCheckpoints(spf.serviceRoot(subscriptionA)));
  }

  @Test
  void subscriptionIdsCompareCaseInsensitively() {
    String subscription = UUID.randomUUID().toString();
    addVm(spf.serviceRoot(subscription));
    String location = createCheckpoint(spf.serviceRoot(subscription), "cased");
    jsonLight().get(location.replace(subscription, subscription.toUpperCase())).then()
        .statusCode(200).body("Name", equalTo("cased"));
  }

  @Test
  void twoEmulatorsInOneJvmAreIndependent() {
    try (SpfEmulator other = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().build()).start()) {
      String subscription = UUID.randomUUID().toString();
      addVm(spf.serviceRoot(subscription));
      addVm(other.serviceRoot(subscription));
      String location = createCheckpoint(spf.serviceRoot(subscription), "first emulator's");
      String otherLocation = location.replace(spf.baseUrl(), other.baseUrl());

      jsonLight().get(otherLocation).then().statusCode(404);
      assertEquals(0, countCheckpoints(other.serviceRoot(subscription)));
      createCheckpoint(other.serviceRoot(subscription), "second emulator's");
      assertEquals(1, countCheckpoints(spf.serviceRoot(subscription)));
      assertEquals(1, countCheckpoints(other.serviceRoot(subscription)));
    }
  }

  @Test
  void concurrentCreatesAllLandWithDistinctIds() throws Exception {
    String root = newRoot();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> creates = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int n = i;
        creates.add(pool.submit(() -> createCheckpoint(root, "parallel " + n)));
      }
      Set<String> locations = new HashSet<>();
      for (Future<String> create : creates) {
        locations.add(create.get());
      }
      assertEquals(64, locations.size());
      assertEquals(64, countCheckpoints(root));
    } finally {
      pool.shutdownNow();
    }
  }
}
