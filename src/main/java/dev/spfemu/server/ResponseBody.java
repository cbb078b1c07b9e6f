package dev.spfemu.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * A response body as a blocking stream. It keeps the first {@value #BUFFER} bytes and sends them in
 * one last write when closed, so a body that fits goes out with a Content-Length, as IIS sends it;
 * a longer one streams on in chunks. Flushes are ignored: the writers flush when they finish, and a
 * flush would send the headers early and force chunked encoding.
 */
final class ResponseBody extends OutputStream {

  /** What Jetty's servlet layer buffered before committing, so answers keep their framing. */
  static final int BUFFER = 32 * 1024;

  private final Response response;
  private byte[] buffer = new byte[512];
  private int size;
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
    if (size + length > BUFFER) {
      send(false);
      if (length > BUFFER) {
        send(ByteBuffer.wrap(bytes, offset, length), false);
        return;
      }
    }
    if (size + length > buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, Math.min(BUFFER, Math.max(size + length, buffer.length * 2)));
    }
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  @Override
  public void flush() {
    // deliberately nothing; close() completes the response
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      send(true);
    }
  }

  private void send(boolean last) throws IOException {
    ByteBuffer content = ByteBuffer.wrap(buffer, 0, size);
    size = 0;
    send(content, last);
  }

  private void send(ByteBuffer content, boolean last) throws IOException {
    try (Blocker.Callback callback = Blocker.callback()) {
      response.write(last, content, callback);
      callback.block();
    }
  }
}
