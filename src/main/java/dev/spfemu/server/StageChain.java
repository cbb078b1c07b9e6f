package dev.spfemu.server;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Runs every OData request through the {@link Stage}s, on Jetty's core API: the servlet layer in
 * between cost about a third of the throughput of a handler that does nothing (docs/performance.md),
 * and the stages need nothing from it. The chain declares itself non-blocking, so Jetty calls it on
 * the network thread that read the request, with no hand-over to a worker thread; it answers there
 * what cannot have to wait, and hands the rest to a worker ({@link NetworkThread}), where the stages
 * may block (reading a streamed body, a fault's delay, waiting for the disk, streaming a long answer).
 */
final class StageChain extends Handler.Abstract {

  private final Stage first;
  private final Stage.Next afterFirst;
  private final NetworkThread networkThread;

  StageChain(List<Stage> stages, NetworkThread networkThread) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a chain needs a stage");
    }
    // The links are made once: a request walks them without allocating any.
    Stage.Next next = exchange -> { }; // after the last stage: it answered, there is nothing more
    for (int i = stages.size() - 1; i > 0; i--) {
      Stage stage = stages.get(i);
      Stage.Next after = next;
      next = exchange -> stage.handle(exchange, after);
    }
    this.first = stages.get(0);
    this.afterFirst = next;
    this.networkThread = networkThread;
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING; // what may block goes to a worker (handle)
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long keepUpTo = networkThread.keepUpTo(request);
    if (keepUpTo == NetworkThread.WORKER) {
      onWorker(request, response, callback);
    } else {
      answer(request, response, callback, keepUpTo);
    }
    return true;
  }

  private void onWorker(Request request, Response response, Callback callback) {
    request.getContext().execute(() -> answer(request, response, callback, NetworkThread.WORKER));
  }

  private void answer(Request request, Response response, Callback callback, long keepUpTo) {
    ODataExchange exchange = new ODataExchange(request, response, keepUpTo);
    try {
      first.handle(exchange, afterFirst);
      if (exchange.dropped()) {
        callback.failed(new java.io.EOFException("the connection was dropped by a fault rule"));
        return;
      }
      exchange.finish(callback);
    } catch (WorkerNeeded again) {
      exchange.discardBody();
      response.reset(); // the headers the first attempt set; nothing was sent
      onWorker(request, response, callback);
    } catch (Throwable failure) {
      exchange.discardBody();
      callback.failed(failure); // the client went away mid-answer; the stages answered what they could
    }
  }
}
