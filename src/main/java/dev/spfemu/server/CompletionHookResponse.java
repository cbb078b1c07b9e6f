package dev.spfemu.server;

import java.io.IOException;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * A response that runs a hook just before it completes, so that what the hook records is there by
 * the time the client has its answer. Jetty completes a response when its body stream is closed or,
 * once a Content-Length is set, on the write that reaches that length: the hook runs before either.
 * It may run more than once (it guards itself). Only the stream is watched: nothing on the OData
 * path writes through a {@code Writer}.
 */
final class CompletionHookResponse extends HttpServletResponseWrapper {

  private final Runnable hook;
  private long contentLength = -1;
  private long written;
  private ServletOutputStream stream;

  CompletionHookResponse(HttpServletResponse response, Runnable hook) {
    super(response);
    this.hook = hook;
  }

  @Override
  public void setContentLength(int length) {
    contentLength = length;
    super.setContentLength(length);
  }

  @Override
  public void setContentLengthLong(long length) {
    contentLength = length;
    super.setContentLengthLong(length);
  }

  @Override
  public void setHeader(String name, String value) {
    if ("Content-Length".equalsIgnoreCase(name)) {
      contentLength = value == null ? -1 : Long.parseLong(value.trim());
    }
    super.setHeader(name, value);
  }

  @Override
  public void reset() {
    super.reset();
    contentLength = -1;
    written = 0;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new HookedStream(super.getOutputStream());
    }
    return stream;
  }

  /** Counts {@code length} more bytes, running the hook first if they complete the declared length. */
  private void beforeWriting(int length) {
    written += length;
    if (contentLength >= 0 && written >= contentLength) {
      hook.run();
    }
  }

  private final class HookedStream extends ServletOutputStream {
    private final ServletOutputStream out;

    HookedStream(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      beforeWriting(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      beforeWriting(len);
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      hook.run();
      out.close();
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }
}
