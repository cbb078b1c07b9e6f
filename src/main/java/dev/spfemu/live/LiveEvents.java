package dev.spfemu.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * The events the live page listens to ({@code GET /_emulator/events}, docs/demo.md): each request
 * answered, and that the world changed. Nothing is made for them while no page listens: a check of
 * one volatile array is all a request pays then. While pages listen, request events are numbered
 * and queued to every stream in one order (a short lock, never a wait on the network: each
 * {@link EventStream} sends on its own), and the latest {@link #REPLAYED} are kept, so a page that
 * opens or reconnects ({@code Last-Event-ID}) sees the requests just before.
 */
public final class LiveEvents implements AutoCloseable {

  /** How many recent request events a new stream is sent first. */
  public static final int REPLAYED = 100;
  /** How many request events may wait for one slow page before newer ones are dropped (and counted). */
  public static final int QUEUED_PER_STREAM = 256;
  /** What a new stream hears first: reconnect after a second when the connection drops. */
  private static final byte[] RETRY = "retry: 1000\n\n".getBytes(StandardCharsets.US_ASCII);

  private final int maxStreams;
  private final Object lock = new Object();
  /** The open streams; replaced whole under {@link #lock}, read without it. */
  private volatile EventStream[] streams = new EventStream[0];
  private final ArrayDeque<Numbered> recent = new ArrayDeque<>(); // guarded by lock
  private long lastId; // guarded by lock
  private boolean closed; // guarded by lock

  /** @param maxStreams how many pages may listen at once ({@code --max-event-streams}) */
  public LiveEvents(int maxStreams) {
    if (maxStreams < 0) {
      throw new IllegalArgumentException("the number of event streams cannot be negative, not " + maxStreams);
    }
    this.maxStreams = maxStreams;
  }

  /** Whether any page listens (else there is nothing to make events for). */
  public boolean listening() {
    return streams.length > 0;
  }

  /**
   * Opens a stream to {@code sink}: the recent request events after {@code lastEventId} (all kept
   * for 0) are queued first. Empty when {@link #maxStreams} streams are open or the emulator is
   * stopping; the sink is not used then.
   */
  public Optional<Runnable> open(EventSink sink, long lastEventId) {
    EventStream stream;
    synchronized (lock) {
      if (closed || streams.length >= maxStreams) {
        return Optional.empty();
      }
      EventStream[] holder = new EventStream[1];
      stream = new EventStream(sink, QUEUED_PER_STREAM, () -> remove(holder[0]));
      holder[0] = stream;
      EventStream[] more = Arrays.copyOf(streams, streams.length + 1);
      more[streams.length] = stream;
      streams = more; // first: a write that fails at once removes it again
      stream.offer(RETRY);
      for (Numbered event : recent.toArray(new Numbered[0])) { // a failing write may empty it meanwhile
        if (event.id() > lastEventId) {
          stream.offer(event.frame());
        }
      }
    }
    return Optional.of(stream::end);
  }

  /**
   * Publishes a request event; {@code json} is its data, a JSON object without line breaks and
   * without its {@code id}, which is drawn here and written first.
   */
  public void request(byte[] json) {
    if (!listening()) {
      return;
    }
    synchronized (lock) {
      long id = ++lastId;
      byte[] frame = requestFrame(id, json);
      recent.addLast(new Numbered(id, frame));
      if (recent.size() > REPLAYED) {
        recent.removeFirst();
      }
      for (EventStream stream : streams) {
        stream.offer(frame);
      }
    }
  }

  /** Tells every page that the world changed (coalesced per page: one notice however many changes). */
  public void changed() {
    for (EventStream stream : streams) {
      stream.changed();
    }
  }

  /**
   * Sends every idle page a comment, so that its connection outlives the server's idle timeout and a
   * page that went away is noticed (the write fails).
   */
  public void heartbeat() {
    for (EventStream stream : streams) {
      stream.ping();
    }
  }

  /** Ends every stream and opens no more (the emulator stops). */
  @Override
  public void close() {
    EventStream[] open;
    synchronized (lock) {
      closed = true;
      open = streams;
    }
    for (EventStream stream : open) {
      stream.end();
    }
  }

  private void remove(EventStream gone) {
    synchronized (lock) {
      EventStream[] now = streams;
      for (int i = 0; i < now.length; i++) {
        if (now[i] == gone) {
          EventStream[] fewer = new EventStream[now.length - 1];
          System.arraycopy(now, 0, fewer, 0, i);
          System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
          streams = fewer;
          if (fewer.length == 0) {
            recent.clear(); // kept for pages that listen; nobody does
          }
          return;
        }
      }
    }
  }

  /** {@code id: N}, {@code event: request}, and the data with {@code "id":N} as its first member. */
  private static byte[] requestFrame(long id, byte[] json) {
    byte[] head = ("id: " + id + "\nevent: request\ndata: {\"id\":" + id + (json.length > 2 ? "," : ""))
        .getBytes(StandardCharsets.US_ASCII);
    byte[] frame = new byte[head.length + json.length - 1 + 2];
    System.arraycopy(head, 0, frame, 0, head.length);
    System.arraycopy(json, 1, frame, head.length, json.length - 1); // json without its opening brace
    frame[frame.length - 2] = '\n';
    frame[frame.length - 1] = '\n';
    return frame;
  }

  private record Numbered(long id, byte[] frame) {
  }
}
