package dev.spfemu.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * A response body as a stream. It keeps the first {@value #BUFFER} bytes and sends them in one last
 * write ({@link #send}), so a body that fits goes out with a Content-Length, as IIS sends it. What
 * happens to a longer one depends on the thread that writes it:
 * <ul>
 *   <li>{@linkplain #streamed streamed}, on a worker thread, it goes on in chunks, each write waiting
 *       for the client to take the one before;</li>
 *   <li>{@linkplain #kept kept}, on Jetty's network thread, which must never wait, it is kept whole in
 *       memory up to a limit and sent in the last write; past the limit the body throws
 *       {@link WorkerNeeded} (once; later writes are ignored, so the writers' own closing does not
 *       throw again).</li>
 * </ul>
 * Flushes are ignored: the writers flush when they finish, and a flush would send the headers early
 * and force chunked encoding. Closing only ends the body; {@link #send} sends it. The first
 * {@value #BUFFER} bytes go to a buffer borrowed from Jetty's pool and given back once sent, so a
 * small answer allocates no buffer of its own.
 */
final class ResponseBody extends OutputStream {

  /** What Jetty's servlet layer buffered before committing, so answers keep their framing. */
  static final int BUFFER = 32 * 1024;

  private final Response response;
  /** How many bytes a kept body may hold; negative for a streamed one. */
  private final long keepUpTo;
  private RetainableByteBuffer pooled;
  private ByteBuffer buffer;
  /** A kept body past the pooled buffer: all of it so far. */
  private byte[] whole;
  private int size;
  private boolean closed;
  private boolean sent;
  private boolean outgrown;

  private ResponseBody(Response response, long keepUpTo) {
    this.response = response;
    this.keepUpTo = keepUpTo;
  }

  /** A body written on a thread that may wait for the client: past the buffer it is sent in chunks. */
  static ResponseBody streamed(Response response) {
    return new ResponseBody(response, -1);
  }

  /** A body written on a thread that must not wait: kept whole up to {@code limit} bytes. */
  static ResponseBody kept(Response response, long limit) {
    return new ResponseBody(response, limit);
  }

  /** Whether the body outgrew what it may keep (it threw {@link WorkerNeeded}). */
  boolean outgrown() {
    return outgrown;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (outgrown) {
      return; // the answer is abandoned; only its writers' closing comes here
    }
    if (closed) {
      throw new IOException("the response body is closed");
    }
    if (whole != null) {
      keep(bytes, offset, length);
      return;
    }
    if (buffer == null) {
      pooled = response.getRequest().getComponents().getByteBufferPool().acquire(BUFFER, false);
      buffer = pooled.getByteBuffer();
      BufferUtil.clear(buffer);
    }
    if (length > BufferUtil.space(buffer)) {
      if (keepUpTo < 0) {
        sendNow(buffer);
        BufferUtil.clear(buffer);
        if (length > BufferUtil.space(buffer)) {
          sendNow(ByteBuffer.wrap(bytes, offset, length));
          return;
        }
      } else {
        // Past the pooled buffer: from now on the body is one array, its first part copied from the buffer.
        int buffered = buffer.remaining();
        whole = new byte[Math.max(2 * BUFFER, buffered + length)];
        buffer.get(whole, 0, buffered);
        size = buffered;
        releaseBuffer();
        keep(bytes, offset, length);
        return;
      }
    }
    BufferUtil.append(buffer, bytes, offset, length);
  }

  private void keep(byte[] bytes, int offset, int length) {
    if (size + (long) length > keepUpTo) {
      outgrown = true;
      whole = null;
      throw new WorkerNeeded("the answer outgrew the " + keepUpTo + " bytes kept on the network thread");
    }
    if (size + length > whole.length) {
      whole = Arrays.copyOf(whole, (int) Math.min(Math.max(size + (long) length, 2L * whole.length), keepUpTo));
    }
    System.arraycopy(bytes, offset, whole, size, length);
    size += length;
  }

  @Override
  public void flush() {
    // deliberately nothing; send() completes the response
  }

  /** Ends the body; {@link #send} sends what is left of it. */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Sends what is left of the body as the response's last write, without waiting for it: {@code callback}
   * completes when the client has it (or the connection failed), and the buffer goes back to the pool then.
   */
  void send(Callback callback) {
    closed = true;
    sent = true;
    ByteBuffer rest = whole != null ? ByteBuffer.wrap(whole, 0, size) : buffer != null ? buffer : BufferUtil.EMPTY_BUFFER;
    response.write(true, rest, Callback.from(this::release, callback)); // buffer back first, then complete
  }

  /**
   * Adds to {@code copy} what the body holds and has not sent yet (the bytes sent before passed
   * through the response, where the copy saw them), so it has the body's beginning before the
   * last write.
   */
  void copyUnsent(ResponseCopy copy) {
    if (whole != null) {
      copy.add(ByteBuffer.wrap(whole, 0, size));
    } else if (buffer != null && !sent) {
      copy.add(buffer);
    }
  }

  /** Gives the buffer back without sending what it holds; the body is closed. */
  void discard() {
    closed = true;
    if (!sent) {
      release();
    }
  }

  private void release() {
    releaseBuffer();
    whole = null;
  }

  private void releaseBuffer() {
    if (pooled != null) {
      pooled.release();
      pooled = null;
      buffer = null;
    }
  }

  private void sendNow(ByteBuffer content) throws IOException {
    try (Blocker.Callback callback = Blocker.callback()) {
      response.write(false, content, callback);
      callback.block();
    }
  }
}
