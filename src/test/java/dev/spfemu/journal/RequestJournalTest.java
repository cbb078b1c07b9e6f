package dev.spfemu.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

  private static RecordedRequest request(int n) {
    return new RecordedRequest("GET", "http://x/" + n, Map.of("Accept", List.of("*/*")), "", 200, null, null,
        Instant.EPOCH);
  }

  @Test
  void keepsTheNewestInOrder() {
    RequestJournal journal = new RequestJournal(3);
    for (int i = 0; i < 5; i++) {
      journal.record(request(i));
    }
    assertEquals(List.of("http://x/2", "http://x/3", "http://x/4"), journal.requests().stream().map(RecordedRequest::url).toList());
    assertEquals(1, journal.requests(r -> r.url().endsWith("3")).size());
    assertEquals("*/*", journal.requests().get(0).header("accept"));
  }

  @Test
  void clearForgetsWhatWasRecorded() {
    RequestJournal journal = new RequestJournal(10);
    journal.record(request(1));
    journal.clear();
    assertTrue(journal.requests().isEmpty());
    journal.record(request(2));
    assertEquals(1, journal.requests().size());
  }

  @Test
  void sizeZeroIsOff() {
    RequestJournal journal = new RequestJournal(0);
    journal.record(request(1));
    assertFalse(journal.enabled());
    assertTrue(journal.requests().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new RequestJournal(-1));
  }

  @Test
  void concurrentRecordingStaysBounded() throws InterruptedException {
    RequestJournal journal = new RequestJournal(50);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 2000; i++) {
      int n = i;
      pool.submit(() -> journal.record(request(n)));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(50, journal.requests().size());
  }
}
