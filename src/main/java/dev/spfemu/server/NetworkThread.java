package dev.spfemu.server;

import dev.spfemu.faults.FaultRules;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;

/**
 * Which OData requests are answered on the Jetty network thread that read them, and how much answer
 * may be kept in memory there (docs/performance.md, "Threads"). Answering there saves handing each
 * request to a worker thread, the largest single cost of a small request; but that thread serves
 * every connection of its selector, so nothing run on it may wait. A request goes to a worker when it
 * might have to: its body is not all read yet, its changes may wait (for the disk with {@code --data-dir},
 * for a VMM job run to its end with {@code --job-duration}), it
 * is a {@code $batch}, whose answer has no useful bound, or fault rules are set. What is found to wait
 * only later (the answer to a read outgrowing {@link #READ_ANSWER_LIMIT}, a delaying rule added just
 * after the request came) is answered again on a worker from the start ({@link WorkerNeeded});
 * nothing has changed by then.
 */
final class NetworkThread {

  /**
   * How large the answer to a read may grow on the network thread; a larger one is answered again on a
   * worker and streamed. It holds a page of 100 checkpoints (about 50 KB) with room to spare.
   */
  static final int READ_ANSWER_LIMIT = 256 * 1024;

  /** What {@link #keepUpTo} answers for a request that goes to a worker thread. */
  static final long WORKER = -1;

  private final boolean writesMayWait;
  private final FaultRules faults;

  /**
   * @param writesMayWait whether a change may wait before its answer: kept on disk first ({@code --data-dir}), or a VMM job run to its end ({@code --job-duration})
   * @param faults while there is any rule, every request goes to a worker (a rule may delay it)
   */
  NetworkThread(boolean writesMayWait, FaultRules faults) {
    this.writesMayWait = writesMayWait;
    this.faults = faults;
  }

  /**
   * How many bytes of answer {@code request} may keep in memory on the network thread, or {@link #WORKER}.
   * A read's answer is bounded (it is answered again if it outgrows it); any other answer is at most
   * about as large as the body that asked for it, itself bounded by the body limit, and is kept whole.
   */
  long keepUpTo(Request request) {
    if (!faults.isEmpty()) {
      return WORKER;
    }
    String method = request.getMethod();
    if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
      return noBody(request) ? READ_ANSWER_LIMIT : WORKER; // a body would be gone by the second attempt
    }
    if (writesMayWait || isBatch(request.getHttpURI().getPath())
        || !(noBody(request) || BodyLoader.loadedWhole(request))) {
      return WORKER;
    }
    return Long.MAX_VALUE;
  }

  private static boolean noBody(Request request) {
    long length = request.getLength();
    return length == 0 || (length < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
  }

  /** Whether a raw path may name {@code $batch} (in any case or encoding; a false yes only costs a hand-over). */
  static boolean isBatch(String path) {
    String word = "batch";
    for (int i = path.length() - word.length(); i >= 0; i--) {
      if (path.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }
}
