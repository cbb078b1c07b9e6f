package dev.spfemu.server;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Runs every OData request through the {@link Stage}s, on Jetty's core API: the servlet layer in
 * between cost about a third of the throughput of a handler that does nothing (docs/performance.md),
 * and the stages need nothing from it. A request is handled on the thread that calls, which may
 * block (the stages read bodies, sleep for faults and write answers as streams).
 */
final class StageChain extends Handler.Abstract {

  private final Stage first;
  private final Stage.Next afterFirst;

  StageChain(List<Stage> stages) {
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
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ODataExchange exchange = new ODataExchange(request, response);
    try {
      first.handle(exchange, afterFirst);
      if (exchange.dropped()) {
        callback.failed(new java.io.EOFException("the connection was dropped by a fault rule"));
        return true;
      }
      exchange.finish();
      callback.succeeded();
    } catch (Throwable failure) {
      exchange.discardBody();
      callback.failed(failure); // the client went away mid-answer; the stages answered what they could
    }
    return true;
  }
}
