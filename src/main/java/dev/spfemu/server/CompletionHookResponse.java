package dev.spfemu.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response that runs a hook just before it completes, so that what the hook records is there by
 * the time the client has its answer. Jetty completes a response on its last write or, once a
 * Content-Length is set, on the write that reaches that length: the hook runs before either. It
 * may run more than once (it guards itself).
 */
final class CompletionHookResponse extends Response.Wrapper {

  private final Runnable hook;
  private final ResponseCopy copy;
  private long written;

  CompletionHookResponse(Response response, Runnable hook) {
    this(response, hook, null);
  }

  /** @param copy where the body's first bytes go as they are written (before the hook runs), or null */
  CompletionHookResponse(Response response, Runnable hook, ResponseCopy copy) {
    super(response.getRequest(), response);
    this.hook = hook;
    this.copy = copy;
  }

  @Override
  public void write(boolean last, ByteBuffer content, Callback callback) {
    if (copy != null) {
      copy.add(content);
    }
    written += content == null ? 0 : content.remaining();
    long length = getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (last || (length >= 0 && written >= length)) {
      hook.run();
    }
    super.write(last, content, callback);
  }

  @Override
  public void reset() {
    super.reset();
    written = 0;
    if (copy != null) {
      copy.reset();
    }
  }
}
