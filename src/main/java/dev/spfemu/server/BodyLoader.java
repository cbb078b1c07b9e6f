package dev.spfemu.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's body before the servlets see it, without holding a thread while it arrives: the
 * servlets read with blocking I/O, so a client that sends its headers and then trickles its body
 * would otherwise hold one of the pool's threads for as long as it likes, and a few hundred such
 * clients would leave none for anybody else. Jetty's {@link EagerContentHandler} calls this loader
 * for every request that announces a body; the servlets then read it from memory.
 *
 * <p>The body is copied as it arrives (a trickled byte does not pin one of Jetty's network buffers),
 * up to one byte past the OData body limit: a larger body is handed on with its rest still unread,
 * for the servlet to refuse (413) or, on the admin API, to read. A body still incomplete after the
 * body timeout is answered {@code 408} and its connection closed.
 */
final class BodyLoader implements EagerContentHandler.ContentLoaderFactory {

  /** Bodies declared up to this size get an array of their exact size when they start to arrive. */
  private static final int EXACT_UP_TO = 64 * 1024;

  private final long keepBytes;
  private final Duration timeout;

  /**
   * @param maxBodyBytes the OData body limit; the loader keeps one byte more, so an oversized body is seen as one
   * @param timeout how long the whole body may take to arrive
   */
  BodyLoader(long maxBodyBytes, Duration timeout) {
    this.keepBytes = maxBodyBytes + 1;
    this.timeout = timeout;
  }

  /** Jetty's eager-content stage with this loader for every content type. */
  EagerContentHandler handler(Handler next) {
    return new EagerContentHandler(next, this);
  }

  @Override
  public String getApplicableMimeType() {
    return null; // every body, whatever its type
  }

  @Override
  public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, Handler handler,
      Request request, Response response, Callback callback) {
    long declared = request.getLength();
    if (declared > keepBytes) {
      return null; // refused by its Content-Length alone, or the admin API's own to read: handed on unread
    }
    return new Loader(handler, request, response, callback);
  }

  /** One body being read: chunks are copied and released as they come, under the loader's lock. */
  private final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {
    private byte[] body;
    private int size;
    private boolean finished;
    private Scheduler.Task deadline;

    Loader(Handler handler, Request request, Response response, Callback callback) {
      super(handler, request, response, callback);
      // A small declared body gets its exact array at once (no growing, no final copy); a large one
      // grows with what arrives, so a client that declares megabytes and sends nothing costs nothing.
      long declared = request.getLength();
      this.body = declared > 0 && declared <= EXACT_UP_TO ? new byte[(int) declared] : new byte[0];
    }

    @Override
    protected void load() {
      deadline = getRequest().getComponents().getScheduler().schedule(this::expire, timeout.toMillis(),
          TimeUnit.MILLISECONDS);
      read(false);
    }

    @Override
    public void run() {
      read(true); // more content is there (Jetty's demand callback)
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    private void read(boolean fromDemand) {
      Request loaded;
      synchronized (this) {
        loaded = loadMore();
      }
      if (loaded == null) {
        return; // more to come, or answered already
      }
      if (fromDemand) {
        getRequest().getContext().execute(() -> handle(loaded, getResponse(), getCallback()));
      } else {
        handle(loaded, getResponse(), getCallback());
      }
    }

    /** Reads what has arrived; the request with its body once it is all there (or the limit is), else null. */
    private Request loadMore() {
      while (!finished) {
        Content.Chunk chunk = getRequest().read();
        if (chunk == null) {
          getRequest().demand(this);
          return null;
        }
        if (Content.Chunk.isFailure(chunk)) {
          finished = true;
          fail(chunk.getFailure());
          return null;
        }
        append(chunk.getByteBuffer());
        chunk.release();
        if (chunk.isLast() || size >= keepBytes) {
          finished = true;
          deadline.cancel();
          Request loaded = new LoadedBody(getRequest(), size == body.length ? body : Arrays.copyOf(body, size),
              chunk.isLast());
          body = null;
          return loaded;
        }
      }
      return null;
    }

    private void append(ByteBuffer bytes) {
      int n = bytes.remaining();
      if (size + n > body.length) {
        long wanted = Math.max(size + (long) n, Math.min(Math.max(1024, body.length * 2L), keepBytes));
        body = Arrays.copyOf(body, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
      }
      bytes.get(body, size, n);
      size += n;
    }

    private void expire() {
      synchronized (this) {
        if (finished) {
          return;
        }
        finished = true;
        body = null;
      }
      Response.writeError(getRequest(), getResponse(), getCallback(), HttpStatus.REQUEST_TIMEOUT_408,
          "The request body did not arrive within " + timeout.toMillis() + " ms (the body timeout); send the whole body"
              + " at once.");
    }

    private void fail(Throwable failure) {
      deadline.cancel();
      body = null;
      if (failure instanceof TimeoutException) {
        Response.writeError(getRequest(), getResponse(), getCallback(), HttpStatus.REQUEST_TIMEOUT_408,
            "The connection was idle while the request body was expected (the idle timeout); send the whole body"
                + " at once.");
      } else {
        getCallback().failed(failure); // the client went away: nobody reads an answer
      }
    }
  }

  /** Whether {@code request} announces a body: a positive Content-Length, or a Transfer-Encoding. */
  static boolean announcesBody(Request request) {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  /**
   * The whole body of {@code request} if the loader read all of it and nobody has read it since, or
   * null: a handler takes it as it is instead of reading it again through a stream.
   */
  static byte[] loaded(Request request) {
    LoadedBody loaded = Request.as(request, LoadedBody.class);
    return loaded == null ? null : loaded.take();
  }

  /** The request with its body read: the bytes first, then (if the body was not all read) the rest. */
  private static final class LoadedBody extends Request.Wrapper {
    private Content.Chunk chunk;
    private byte[] whole;

    LoadedBody(Request request, byte[] body, boolean complete) {
      super(request);
      this.chunk = Content.Chunk.from(ByteBuffer.wrap(body), complete);
      this.whole = complete ? body : null;
    }

    /** The whole body, once, if it is all here and unread; reading it takes it. */
    byte[] take() {
      byte[] body = whole;
      if (body != null) {
        whole = null;
        chunk = Content.Chunk.EOF;
      }
      return body;
    }

    @Override
    public Content.Chunk read() {
      whole = null; // read as a stream from now on
      Content.Chunk next = chunk;
      if (next == null) {
        return super.read();
      }
      chunk = next.isLast() ? Content.Chunk.EOF : null;
      return next;
    }
  }
}
