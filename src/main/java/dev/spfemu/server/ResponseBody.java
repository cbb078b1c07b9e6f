package dev.spfemu.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;

/**
 * A response body as a blocking stream. It keeps the first {@value #BUFFER} bytes and sends them in
 * one last write when closed, so a body that fits goes out with a Content-Length, as IIS sends it;
 * a longer one streams on in chunks. Flushes are ignored: the writers flush when they finish, and a
 * flush would send the headers early and force chunked encoding. The buffer is borrowed from Jetty's
 * pool on the first write and given back on close, so answering allocates no buffer of its own.
 */
final class ResponseBody extends OutputStream {

  /** What Jetty's servlet layer buffered before committing, so answers keep their framing. */
  static final int BUFFER = 32 * 1024;

  private final Response response;
  private RetainableByteBuffer pooled;
  private ByteBuffer buffer;
  private boolean closed;

  ResponseBody(Response response) {
    this.response = response;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("the response body is closed");
    }
    if (buffer == null) {
      pooled = response.getRequest().getComponents().getByteBufferPool().acquire(BUFFER, false);
      buffer = pooled.getByteBuffer();
      BufferUtil.clear(buffer);
    }
    if (length > BufferUtil.space(buffer)) {
      send(buffer, false);
      BufferUtil.clear(buffer);
      if (length > BufferUtil.space(buffer)) {
        send(ByteBuffer.wrap(bytes, offset, length), false);
        return;
      }
    }
    BufferUtil.append(buffer, bytes, offset, length);
  }

  @Override
  public void flush() {
    // deliberately nothing; close() completes the response
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      send(buffer == null ? BufferUtil.EMPTY_BUFFER : buffer, true);
    } finally {
      release();
    }
  }

  /** Gives the buffer back without sending what it holds; the body is closed. */
  void discard() {
    closed = true;
    release();
  }

  private void release() {
    if (pooled != null) {
      pooled.release();
      pooled = null;
      buffer = null;
    }
  }

  private void send(ByteBuffer content, boolean last) throws IOException {
    try (Blocker.Callback callback = Blocker.callback()) {
      response.write(last, content, callback);
      callback.block();
    }
  }
}
