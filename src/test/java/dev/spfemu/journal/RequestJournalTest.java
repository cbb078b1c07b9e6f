package dev.spfemu.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

  private static RecordedRequest withBody(String body) {
    return new RecordedRequest("POST", "http://x/", Map.of(), body, 400, null, null, Instant.EPOCH);
  }

  @Test
  void keepsTheFirstBytesOfABodyAndSaysItCutIt() {
    RequestJournal journal = new RequestJournal(3, 4, SecretMask.NONE);
    assertEquals("abcd", journal.keep("abcdefgh".getBytes(StandardCharsets.UTF_8)));
    assertEquals("ab\u00e9", journal.keep("ab\u00e9fg".getBytes(StandardCharsets.UTF_8)), "é (2 bytes) fits");
    assertEquals("abc", journal.keep("abc\u00e9".getBytes(StandardCharsets.UTF_8)), "a character cut in two is left out");
    assertEquals("", journal.keep(null));
    assertTrue(journal.truncates(5));
    assertFalse(journal.truncates(4));

    journal.record(withBody("0123456789")); // recorded whole by a caller that did not cut it: cut here
    RecordedRequest kept = journal.requests().get(0);
    assertEquals("0123", kept.body());
    assertEquals(10, kept.bodySize());
    assertTrue(kept.bodyTruncated());
    journal.record(withBody("0123"));
    assertFalse(journal.requests().get(1).bodyTruncated());
  }

  @Test
  void clearLetsGoOfTheBodies() {
    RequestJournal journal = new RequestJournal(5, 100, SecretMask.NONE);
    for (int i = 0; i < 8; i++) {
      journal.record(withBody("x".repeat(100)));
    }
    assertEquals(500, journal.retainedBodyCharacters(), "five slots of at most 100 each");
    journal.clear();
    assertEquals(0, journal.retainedBodyCharacters(), "no cleared request stays reachable");
    journal.record(withBody("y"));
    assertEquals(1, journal.retainedBodyCharacters());
    assertEquals(List.of("y"), journal.requests().stream().map(RecordedRequest::body).toList());
  }

  @Test
  void secretsAreMaskedInTheKeptPart() {
    RequestJournal journal = new RequestJournal(2, 40, SecretMask.of(List.of("Password")));
    journal.record(withBody("{\"Password\":\"hunter2\",\"Name\":\"" + "n".repeat(100) + "\"}"));
    assertTrue(journal.requests().get(0).body().startsWith("{\"Password\":\"***\""),
        journal.requests().get(0).body());
  }
}
