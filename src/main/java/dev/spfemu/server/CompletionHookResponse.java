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
  private long written;

  CompletionHookResponse(Response response, Runnable hook) {
    super(response.getRequest(), response);
    this.hook = hook;
  }

  @Override
  public void write(boolean last, ByteBuffer content, Callback callback) {
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
  }
}
