package dev.spfemu.server;

import dev.spfemu.live.EventSink;
import dev.spfemu.live.LiveEvents;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * {@code GET /_emulator/events}: a Server-Sent Events stream of {@link LiveEvents}, the live page's
 * one connection. The response stays open; every write is asynchronous (no thread waits on a page),
 * and while any page listens a heartbeat comment goes out at half the idle timeout (at most every
 * 15 s), so an idle stream is not closed under the page and one whose page went away is noticed.
 */
final class EventStreamHandler {

  private static final Duration MAX_HEARTBEAT = Duration.ofSeconds(15);

  private final LiveEvents live;
  private final long heartbeatMillis;
  private final AtomicBoolean beating = new AtomicBoolean();

  /** @param idleTimeout the connectors' idle timeout, which the heartbeat keeps a stream inside */
  EventStreamHandler(LiveEvents live, Duration idleTimeout) {
    this.live = live;
    this.heartbeatMillis = heartbeatMillis(idleTimeout);
  }

  /** Half the idle timeout, at most 15 s (and every 15 s without one), at least a millisecond. */
  static long heartbeatMillis(Duration idleTimeout) {
    Duration half = idleTimeout.isZero() || idleTimeout.isNegative() ? MAX_HEARTBEAT : idleTimeout.dividedBy(2);
    return Math.max(1, Math.min(half.toMillis(), MAX_HEARTBEAT.toMillis()));
  }

  /** The events the streams carry, which the journal stage publishes to. */
  LiveEvents live() {
    return live;
  }

  /**
   * Opens a stream on {@code response}, which ends when the emulator stops or the page goes away; or
   * answers 503 when {@code --max-event-streams} pages listen already.
   *
   * @return false when refused: the caller answers the refusal, nothing was written
   */
  boolean open(Request request, Response response, Callback callback) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    Optional<Runnable> stream = live.open(new ResponseSink(response, callback), lastEventId(request));
    if (stream.isEmpty()) {
      response.reset();
      return false;
    }
    beat(request);
    return true;
  }

  /** Starts the heartbeat if it is not running; it runs while any page listens. */
  private void beat(Request request) {
    if (beating.compareAndSet(false, true)) {
      schedule(request.getComponents().getScheduler()); // the server's, not the request's: it outlives it
    }
  }

  private void schedule(Scheduler scheduler) {
    scheduler.schedule(() -> {
      live.heartbeat();
      if (live.listening()) {
        schedule(scheduler);
      } else {
        beating.set(false);
        if (live.listening() && beating.compareAndSet(false, true)) {
          schedule(scheduler); // a page opened between the check and the flag
        }
      }
    }, heartbeatMillis, TimeUnit.MILLISECONDS);
  }

  /** The {@code Last-Event-ID} a reconnecting page sends: the last request event it has; 0 for none or nonsense. */
  static long lastEventId(Request request) {
    String header = request.getHeaders().get("Last-Event-ID");
    if (header == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A stream's bytes as writes on the open response; ending it completes the response. */
  private static final class ResponseSink implements EventSink {
    private final Response response;
    private final Callback done;
    private volatile boolean broken;

    ResponseSink(Response response, Callback done) {
      this.response = response;
      this.done = done;
    }

    @Override
    public void send(byte[] bytes, Runnable sent, Runnable failed) {
      response.write(false, ByteBuffer.wrap(bytes), Callback.from(sent, failure -> {
        broken = true;
        failed.run();
      }));
    }

    @Override
    public void end() {
      if (broken) {
        done.failed(new EofException("the page went away"));
      } else {
        response.write(true, BufferUtil.EMPTY_BUFFER, done);
      }
    }
  }
}
