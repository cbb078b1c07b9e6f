package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import dev.spfemu.journal.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request journal: what the emulator was sent, as a test checks it. */
class JournalTest extends EmulatorHttpTest {

  @Test
  void everyRequestIsRecordedWithItsAnswer() {
    String root = newRoot();
    spf.clearRequests();
    createCheckpoint(root, "journalled");
    jsonLight().get(root + "VMCheckPoints?$top=1").then().statusCode(200);

    List<RecordedRequest> posts = spf.requests("POST", "VMCheckPoints");
    RecordedRequest post = posts.get(posts.size() - 1);
    assertEquals(201, post.status());
    assertTrue(post.body().contains("journalled"), post.body());
    assertTrue(root.contains(post.subscription()), post.subscription());
    assertEquals("application/json;odata=minimalmetadata", post.header("Content-Type"));
    RecordedRequest get = spf.requests().get(spf.requests().size() - 1);
    assertEquals("GET", get.method());
    assertTrue(get.url().endsWith("VMCheckPoints?$top=1"), get.url());
    assertEquals("VMCheckPoints", get.entitySet());
  }

  @Test
  void theJournalIsBoundedAndCanBeTurnedOff() {
    try (SpfEmulator small = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().journalSize(2).build())
        .start(); SpfEmulator off = SpfEmulator.create(EmulatorOptions.builder().dynamicPort().journalSize(0).build())
        .start()) {
      for (int i = 0; i < 5; i++) {
        jsonLight().get(small.serviceRoot(SEED_SUBSCRIPTION) + "Clouds").then().statusCode(200);
        jsonLight().get(off.serviceRoot(SEED_SUBSCRIPTION) + "Clouds").then().statusCode(200);
      }
      assertEquals(2, small.requests().size());
      assertTrue(off.requests().isEmpty());
      small.reset();
      assertTrue(small.requests().isEmpty(), "reset empties the journal");
    }
  }

  @Test
  void requestsOutsideAServiceRootAreRecordedToo() {
    spf.clearRequests();
    jsonLight().get(spf.baseUrl() + "/nowhere").then().statusCode(404);
    RecordedRequest lost = spf.requests().get(0);
    assertEquals(404, lost.status());
    assertEquals(null, lost.subscription());
  }
}
