package dev.spfemu.server;

import dev.spfemu.faults.FaultRules;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;

/**
 * Which OData requests are answered on the Jetty network thread that read them, and how much answer
 * may be kept in memory there (docs/performance.md, "Threads"). Answering there saves handing each
 * request to a worker thread, the largest single cost of a small read; but that thread serves every
 * connection of its selector, so nothing run on it may wait, and a slow request there delays the
 * others. Reads ({@code GET}, {@code HEAD} without a body) are answered there while no fault rule is
 * set; everything else goes to a worker, as do the requests that change something (they may wait for
 * the disk or for a VMM job, and their cost is less even: a worker pool keeps the latency tail of a
 * write load shorter). A read whose answer outgrows {@link #READ_ANSWER_LIMIT}, or that meets a
 * delaying rule added just after it came, is answered again from the start on a worker
 * ({@link WorkerNeeded}); a read has changed nothing by then.
 */
final class NetworkThread {

  /**
   * How large the answer to a read may grow on the network thread; a larger one is answered again on a
   * worker and streamed. It holds a page of 100 checkpoints (about 50 KB) with room to spare.
   */
  static final int READ_ANSWER_LIMIT = 256 * 1024;

  /** What {@link #keepUpTo} answers for a request that goes to a worker thread. */
  static final long WORKER = -1;

  private final FaultRules faults;

  /** @param faults while there is any rule, every request goes to a worker (a rule may delay it) */
  NetworkThread(FaultRules faults) {
    this.faults = faults;
  }

  /** How many bytes of answer {@code request} may keep in memory on the network thread, or {@link #WORKER}. */
  long keepUpTo(Request request) {
    String method = request.getMethod();
    boolean read = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
    // A read with a body goes to a worker: the body would be gone by a second attempt.
    return read && !BodyLoader.announcesBody(request) && faults.isEmpty() ? READ_ANSWER_LIMIT : WORKER;
  }
}
