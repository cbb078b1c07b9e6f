package dev.spfemu.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * One page's stream of events: a bounded queue in front of its {@link EventSink}, drained one batch
 * at a time. Publishers only queue (a short lock on this stream, never a wait on the network); a
 * page that reads slower than events come loses the newest request events, counted and announced
 * with a {@code dropped} event once it catches up, and never holds up a request. A change is a
 * flag, not a queued event: however many changes arrive while a batch is on its way, the page hears
 * of them once.
 */
final class EventStream {

  private static final byte[] CHANGE = frame("change", "{}");
  /** A comment line, which a page ignores. */
  private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

  private final EventSink sink;
  private final int capacity;
  private final Runnable gone;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private int dropped;
  private boolean changed;
  private boolean ping;
  private boolean sending;
  private boolean ended;
  /** A send under way from {@link #pump} completed before the sink's {@code send} returned. */
  private boolean completedInline;
  private boolean inSend;

  /**
   * @param capacity how many request events may wait for the page
   * @param gone told once when the stream ends or its connection fails
   */
  EventStream(EventSink sink, int capacity, Runnable gone) {
    this.sink = sink;
    this.capacity = capacity;
    this.gone = gone;
  }

  /** Queues a request event, or counts it as dropped when the page is that far behind. */
  void offer(byte[] frame) {
    synchronized (this) {
      if (ended) {
        return;
      }
      if (queue.size() >= capacity) {
        dropped++;
        return;
      }
      queue.add(frame);
      if (sending) {
        return;
      }
      sending = true;
    }
    pump();
  }

  /** Notes that the world changed; the page hears of it after the events queued before. */
  void changed() {
    synchronized (this) {
      if (ended || changed) {
        return;
      }
      changed = true;
      if (sending) {
        return;
      }
      sending = true;
    }
    pump();
  }

  /**
   * Sends a comment, which the page ignores, unless something is on its way already: either keeps an
   * idle connection open, and a write to a page that went away fails and ends the stream.
   */
  void ping() {
    synchronized (this) {
      if (ended || sending) {
        return;
      }
      ping = true;
      sending = true;
    }
    pump();
  }

  /** Ends the stream: what is queued is forgotten, and the sink is ended. */
  void end() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      queue.clear();
    }
    gone.run();
    sink.end();
  }

  /**
   * Sends batches until nothing is left or a send is still on its way. A send the sink completes
   * before returning is followed by the next batch in this loop, not by a nested call, so a fast
   * connection cannot deepen the stack.
   */
  private void pump() {
    while (true) {
      byte[] batch;
      synchronized (this) {
        batch = ended ? null : takeBatch();
        if (batch == null) {
          sending = false;
          return;
        }
        inSend = true;
        completedInline = false;
      }
      sink.send(batch, this::sent, this::failed);
      synchronized (this) {
        inSend = false;
        if (!completedInline) {
          return; // sent() runs later and goes on from there
        }
      }
    }
  }

  private void sent() {
    synchronized (this) {
      if (inSend) {
        completedInline = true;
        return;
      }
    }
    pump();
  }

  private void failed() {
    end();
  }

  /** Everything waiting, as one write: the queued events, the count of those dropped, then a change. Null if none. */
  private byte[] takeBatch() {
    if (queue.isEmpty() && dropped == 0 && !changed) {
      if (!ping) {
        return null;
      }
      ping = false;
      return HEARTBEAT.clone();
    }
    ping = false;
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    for (byte[] frame : queue) {
      batch.writeBytes(frame);
    }
    queue.clear();
    if (dropped > 0) {
      batch.writeBytes(frame("dropped", "{\"count\":" + dropped + "}"));
      dropped = 0;
    }
    if (changed) {
      batch.writeBytes(CHANGE);
      changed = false;
    }
    return batch.toByteArray();
  }

  /** An event without an ID, as Server-Sent Events frame it ({@code data} holds no line break). */
  static byte[] frame(String event, String data) {
    return ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
