package dev.spfemu.server;

import dev.spfemu.admin.Health;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's own view of its health, for {@code GET /_emulator/health}: degraded for good once an
 * {@link OutOfMemoryError} was caught answering a request (the heap may be left in any state:
 * restart), and for as long as the thread pool is exhausted (no idle thread, requests queued).
 */
final class ServerHealth implements Health {

  private final QueuedThreadPool threads;
  private final AtomicReference<String> outOfMemory = new AtomicReference<>();

  /** @param threads the server's thread pool, or null when there is none to watch */
  ServerHealth(QueuedThreadPool threads) {
    this.threads = threads;
  }

  /** Notes that answering {@code request} ran out of memory; the first such note stays. */
  void outOfMemory(String request, OutOfMemoryError error) {
    outOfMemory.compareAndSet(null, "The emulator ran out of memory answering " + request + " (" + error.getMessage()
        + "). Restart it, with a larger heap (-Xmx) or lower limits (docs/operations.md, Limits).");
  }

  @Override
  public String problem() {
    String memory = outOfMemory.get();
    if (memory != null) {
      return memory;
    }
    if (threads != null && threads.getIdleThreads() == 0 && threads.getQueueSize() > 0) {
      return "The thread pool is exhausted: all " + threads.getThreads() + " threads are busy and "
          + threads.getQueueSize() + " jobs wait in the queue. Requests are answered late.";
    }
    return null;
  }
}
