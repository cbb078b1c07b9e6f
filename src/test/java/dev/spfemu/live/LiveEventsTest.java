package dev.spfemu.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LiveEventsTest {

  private static final Pattern ID = Pattern.compile("^id: (\\d+)$", Pattern.MULTILINE);

  @Test
  void nothingIsPublishedOrKeptWhileNoPageListens() {
    LiveEvents live = new LiveEvents(4);
    assertFalse(live.listening());
    live.request(json("before"));
    live.changed();

    RecordingSink sink = new RecordingSink(true);
    live.open(sink, 0).orElseThrow();

    assertTrue(live.listening());
    assertEquals("retry: 1000\n\n", sink.text(), "a request from before any page listened is not replayed");
  }

  @Test
  void eventsArriveInTheOrderTheyWerePublishedEachNumberedOnce() throws Exception {
    LiveEvents live = new LiveEvents(4);
    RecordingSink sink = new RecordingSink(true);
    live.open(sink, 0).orElseThrow();

    ExecutorService publishers = Executors.newFixedThreadPool(4);
    CountDownLatch done = new CountDownLatch(4);
    for (int p = 0; p < 4; p++) {
      publishers.execute(() -> {
        for (int i = 0; i < 50; i++) {
          live.request(json("r"));
        }
        done.countDown();
      });
    }
    assertTrue(done.await(30, TimeUnit.SECONDS));
    publishers.shutdown();

    List<Long> ids = ids(sink.text());
    assertEquals(200, ids.size());
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(i + 1, ids.get(i), "event " + i + " out of order in " + ids);
    }
    assertTrue(sink.text().contains("id: 7\nevent: request\ndata: {\"id\":7,\"path\":\"r\"}\n\n"), sink.text());
  }

  @Test
  void aStuckPageNeitherBlocksPublishersNorGrowsWithoutBoundAndHearsWhatItMissed() {
    LiveEvents live = new LiveEvents(4);
    RecordingSink stuck = new RecordingSink(false); // takes the first write and never finishes it
    RecordingSink healthy = new RecordingSink(true);
    live.open(stuck, 0).orElseThrow();
    live.open(healthy, 0).orElseThrow();

    int published = LiveEvents.QUEUED_PER_STREAM + 1000;
    for (int i = 0; i < published; i++) {
      live.request(json("r")); // returns although the stuck page has not read anything
      live.changed();
    }

    assertEquals(published, ids(healthy.text()).size(), "the other page got every event");
    assertEquals(1, stuck.sends.size(), "one write on its way, nothing more");
    stuck.completeAll();

    String caughtUp = stuck.text();
    List<Long> ids = ids(caughtUp);
    assertEquals(LiveEvents.QUEUED_PER_STREAM, ids.size(), "only the queue's worth waited");
    assertEquals(List.of(1L, 2L), ids.subList(0, 2), "the oldest waited, the newest were dropped");
    assertTrue(caughtUp.contains("event: dropped\ndata: {\"count\":1000}\n\n"), caughtUp);
    assertEquals(1, count(caughtUp, "event: change"), "a thousand changes, one notice");
    assertTrue(caughtUp.indexOf("event: dropped") > caughtUp.lastIndexOf("event: request"),
        "the notice comes after the events that waited");
  }

  @Test
  void aNewPageIsSentTheRecentRequestsAfterTheLastItHad() {
    LiveEvents live = new LiveEvents(4);
    live.open(new RecordingSink(true), 0).orElseThrow(); // someone listens, so requests are kept
    for (int i = 0; i < LiveEvents.REPLAYED + 20; i++) {
      live.request(json("r"));
    }

    RecordingSink fresh = new RecordingSink(true);
    live.open(fresh, 0).orElseThrow();
    List<Long> replayed = ids(fresh.text());
    assertEquals(LiveEvents.REPLAYED, replayed.size());
    assertEquals(21L, replayed.get(0), "the latest " + LiveEvents.REPLAYED);

    RecordingSink reconnected = new RecordingSink(true);
    live.open(reconnected, 115).orElseThrow();
    assertEquals(List.of(116L, 117L, 118L, 119L, 120L), ids(reconnected.text()), "after Last-Event-ID 115");
  }

  @Test
  void moreStreamsThanTheLimitAreRefusedAndAClosedStreamFreesItsPlace() {
    LiveEvents live = new LiveEvents(1);
    Runnable end = live.open(new RecordingSink(true), 0).orElseThrow();
    RecordingSink refused = new RecordingSink(true);

    assertEquals(Optional.empty(), live.open(refused, 0));
    assertTrue(refused.sends.isEmpty(), "a refused stream's sink is not used");

    end.run();
    assertFalse(live.listening());
    assertTrue(live.open(new RecordingSink(true), 0).isPresent());
    assertEquals(Optional.empty(), new LiveEvents(0).open(new RecordingSink(true), 0), "0: no page may listen");
  }

  @Test
  void aPageWhoseConnectionFailsIsForgotten() {
    LiveEvents live = new LiveEvents(2);
    RecordingSink failing = new RecordingSink(true);
    failing.fail = true;
    live.open(failing, 0);

    assertFalse(live.listening(), "its first write failed, so it went");
    assertTrue(failing.ended);
  }

  @Test
  void closingEndsEveryStreamAndRefusesNewOnes() {
    LiveEvents live = new LiveEvents(2);
    RecordingSink a = new RecordingSink(true);
    RecordingSink b = new RecordingSink(false);
    live.open(a, 0);
    live.open(b, 0);

    live.close();

    assertTrue(a.ended);
    assertTrue(b.ended, "a stuck page's stream ends too");
    assertFalse(live.listening());
    assertEquals(Optional.empty(), live.open(new RecordingSink(true), 0));
  }

  @Test
  void anIdlePageGetsACommentAndABusyOneNothingExtra() {
    LiveEvents live = new LiveEvents(2);
    RecordingSink idle = new RecordingSink(true);
    RecordingSink busy = new RecordingSink(false);
    live.open(idle, 0);
    live.open(busy, 0);

    live.heartbeat();

    assertEquals("retry: 1000\n\n:\n\n", idle.text());
    assertEquals(1, busy.sends.size(), "its first write is still on its way: no comment queued behind it");
  }

  @Test
  void anyStreamMayEndAndTheOthersGoOnRecentRequestsKeptOnlyWhileSomeoneListens() {
    LiveEvents live = new LiveEvents(3);
    RecordingSink first = new RecordingSink(true);
    RecordingSink second = new RecordingSink(true);
    RecordingSink third = new RecordingSink(true);
    live.open(first, 0);
    Runnable endSecond = live.open(second, 0).orElseThrow();
    live.open(third, 0);

    endSecond.run(); // the middle one
    live.request(json("after"));

    assertTrue(second.ended);
    assertEquals(List.of(1L), ids(first.text()));
    assertEquals(List.of(1L), ids(third.text()));
    assertEquals(List.of(), ids(second.text()));

    first.fail = true;
    third.fail = true;
    live.changed(); // both writes fail: nobody listens any more
    assertFalse(live.listening());
    RecordingSink later = new RecordingSink(true);
    live.open(later, 0);
    assertEquals(List.of(), ids(later.text()), "what was kept for listeners went with the last of them");
  }

  private static byte[] json(String path) {
    return ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static List<Long> ids(String text) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ID.matcher(text);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  /** A sink that completes each write at once, or keeps them pending until told. */
  private static final class RecordingSink implements EventSink {
    private final boolean completes;
    final List<byte[]> sends = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    private final StringBuilder sent = new StringBuilder();
    boolean fail;
    boolean ended;

    RecordingSink(boolean completes) {
      this.completes = completes;
    }

    @Override
    public synchronized void send(byte[] bytes, Runnable sentCallback, Runnable failed) {
      sends.add(bytes);
      if (fail) {
        failed.run();
        return;
      }
      sent.append(new String(bytes, StandardCharsets.UTF_8));
      if (completes) {
        sentCallback.run();
      } else {
        pending.add(sentCallback);
      }
    }

    /** Lets the writes on their way finish, and those that follow. */
    void completeAll() {
      while (true) {
        Runnable next;
        synchronized (this) {
          if (pending.isEmpty()) {
            return;
          }
          next = pending.remove(0);
        }
        next.run();
      }
    }

    @Override
    public void end() {
      ended = true;
    }

    synchronized String text() {
      return sent.toString();
    }
  }
}
