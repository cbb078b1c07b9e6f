package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/** When the server reports itself degraded. */
class ServerHealthTest {

  @Test
  void anExhaustedThreadPoolIsDegradedUntilAThreadIsFree() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(3, 3);
    threads.setReservedThreads(0);
    threads.start();
    try {
      ServerHealth health = new ServerHealth(threads);
      assertNull(health.problem());

      CountDownLatch running = new CountDownLatch(3);
      CountDownLatch release = new CountDownLatch(1);
      for (int i = 0; i < 3; i++) {
        threads.execute(() -> {
          running.countDown();
          await(release);
        });
      }
      running.await();
      CountDownLatch queuedRan = new CountDownLatch(1);
      threads.execute(queuedRan::countDown); // no thread left: it waits in the queue

      String problem = health.problem();
      assertTrue(problem != null && problem.contains("thread pool is exhausted"), problem);
      assertTrue(problem.contains("1 jobs wait"), problem);

      release.countDown();
      queuedRan.await();
    } finally {
      threads.stop();
    }
  }

  @Test
  void runningOutOfMemoryStaysReportedAndNamesTheRequest() {
    ServerHealth health = new ServerHealth(null);
    assertNull(health.problem());
    health.outOfMemory("PUT /x", new OutOfMemoryError("Java heap space"));
    health.outOfMemory("GET /y", new OutOfMemoryError("again"));
    String problem = health.problem();
    assertTrue(problem.contains("ran out of memory answering PUT /x (Java heap space)"), problem);
    assertTrue(problem.contains("Restart"), problem);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
