package dev.spfemu;

import dev.spfemu.odata.processor.RequestLimits;
import dev.spfemu.server.ServerLimits;
import java.time.Duration;

/**
 * What bounds the emulator's memory and work whatever clients send (docs/operations.md, "Limits"
 * and "Slow and many clients, and shutdown"). Each has a default and can be changed (builder,
 * command line). A request beyond a limit is a 4xx OData error that names the limit and the option
 * that raises it.
 *
 * @param journalBodyBytes the most bytes of one request's or response's body the journal keeps
 * @param maxFaultDelay the longest delay a fault rule may ask for
 * @param batchParts the most operations one {@code $batch} holds
 * @param expressionLength the longest {@code $filter} or {@code $orderby}, in characters
 * @param expressionDepth the deepest nesting (parentheses, unary operators) in a {@code $filter} or {@code $orderby}
 * @param entitiesPerSubscription the most entities one subscription holds (jobs included); a create beyond is refused
 * @param idleTimeout how long a connection may send and read nothing before it is closed
 * @param bodyTimeout how long a request's body may take to arrive, all of it, before the request gets a 408
 * @param maxConnections the most connections open at once; beyond it new ones wait to be accepted
 * @param stopTimeout how long stopping waits for requests in flight to finish
 * @param maxLogBytes with {@code --data-dir}: how large the change log grows before it is folded into a new
 *     snapshot (bounds the disk it takes and the time a restart replays it)
 * @param maxEventStreams the most live pages listening to {@code /_emulator/events} at once (0: none may)
 */
public record Limits(int journalBodyBytes, Duration maxFaultDelay, int batchParts, int expressionLength,
    int expressionDepth, int entitiesPerSubscription, Duration idleTimeout, Duration bodyTimeout, int maxConnections,
    Duration stopTimeout, long maxLogBytes, int maxEventStreams) {

  /** The journal keeps the first 64 KiB of a body, as WireMock-style tools keep a bounded body. */
  public static final int DEFAULT_JOURNAL_BODY_BYTES = 64 * 1024;
  /** A fault delay longer than a minute is a hang, not a test of a client's patience. */
  public static final Duration DEFAULT_MAX_FAULT_DELAY = Duration.ofSeconds(60);
  public static final int DEFAULT_BATCH_PARTS = RequestLimits.DEFAULT_BATCH_PARTS;
  public static final int DEFAULT_EXPRESSION_LENGTH = RequestLimits.DEFAULT_EXPRESSION_LENGTH;
  public static final int DEFAULT_EXPRESSION_DEPTH = RequestLimits.DEFAULT_EXPRESSION_DEPTH;
  /**
   * Five million entities (about 1.4 GiB of heap as checkpoints are stored, 272 bytes each) is far more
   * than any test world, bounded, and above what a load test such as the benchmark makes in one
   * subscription (about two million creates).
   */
  public static final int DEFAULT_ENTITIES_PER_SUBSCRIPTION = 5_000_000;
  /** Jetty's and IIS's usual idle time; a keep-alive connection of a client between calls lasts this long. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** An SPF body is a few KiB: one still arriving after 30 s (a byte now and then) is a slow-body attack. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
  /** Far more than any test or WAP sends, and within a default open-files limit of a few thousand descriptors. */
  public static final int DEFAULT_MAX_CONNECTIONS = 4096;
  /** A request waiting for a job or a fault delay gets this long to finish when the emulator stops. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
  /** About 100,000 created checkpoints: replayed in about a second, and a snapshot every few minutes under load. */
  public static final long DEFAULT_MAX_LOG_BYTES = 64L * 1024 * 1024;
  /** Live pages at once: enough for a presenter's screens, few enough that their queues stay small. */
  public static final int DEFAULT_MAX_EVENT_STREAMS = 8;

  public Limits {
    if (journalBodyBytes < 0) {
      throw new IllegalArgumentException("the journal's body limit cannot be negative, not " + journalBodyBytes);
    }
    if (maxFaultDelay == null || maxFaultDelay.isNegative()) {
      throw new IllegalArgumentException("the longest fault delay must be zero or more");
    }
    atLeastOne("the most operations in a $batch (--max-batch-parts)", batchParts);
    atLeastOne("the longest $filter or $orderby (--max-expression-length)", expressionLength);
    atLeastOne("the deepest $filter or $orderby (--max-expression-depth)", expressionDepth);
    atLeastOne("the most entities in a subscription (--max-entities-per-subscription)", entitiesPerSubscription);
    positive(idleTimeout, "the idle timeout (--idle-timeout)");
    positive(bodyTimeout, "the body timeout (--body-timeout)");
    atLeastOne("the most connections (--max-connections)", maxConnections);
    if (stopTimeout == null || stopTimeout.isNegative()) {
      throw new IllegalArgumentException("the stop timeout (--stop-timeout) must be zero or more");
    }
    if (maxEventStreams < 0) {
      throw new IllegalArgumentException("the most live pages (--max-event-streams) cannot be negative, not "
          + maxEventStreams);
    }
    if (maxLogBytes < 1024) {
      throw new IllegalArgumentException("the change log's size before a snapshot (--max-log-bytes) must be at"
          + " least 1024 bytes, not " + maxLogBytes);
    }
  }

  private static void atLeastOne(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, not " + value);
    }
  }

  private static void positive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be more than zero, not " + duration);
    }
  }

  public static Limits defaults() {
    return new Limits(DEFAULT_JOURNAL_BODY_BYTES, DEFAULT_MAX_FAULT_DELAY, DEFAULT_BATCH_PARTS,
        DEFAULT_EXPRESSION_LENGTH, DEFAULT_EXPRESSION_DEPTH, DEFAULT_ENTITIES_PER_SUBSCRIPTION, DEFAULT_IDLE_TIMEOUT,
        DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_CONNECTIONS, DEFAULT_STOP_TIMEOUT, DEFAULT_MAX_LOG_BYTES,
        DEFAULT_MAX_EVENT_STREAMS);
  }

  public Limits withJournalBodyBytes(int bytes) {
    return new Limits(bytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withMaxFaultDelay(Duration delay) {
    return new Limits(journalBodyBytes, delay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withBatchParts(int parts) {
    return new Limits(journalBodyBytes, maxFaultDelay, parts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withExpressionLength(int characters) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, characters, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withExpressionDepth(int depth) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, depth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withEntitiesPerSubscription(int entities) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entities, idleTimeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withIdleTimeout(Duration timeout) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, timeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withBodyTimeout(Duration timeout) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, timeout, maxConnections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withMaxConnections(int connections) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, connections, stopTimeout, maxLogBytes, maxEventStreams);
  }

  public Limits withStopTimeout(Duration timeout) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, timeout, maxLogBytes, maxEventStreams);
  }

  public Limits withMaxLogBytes(long bytes) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, stopTimeout, bytes, maxEventStreams);
  }

  public Limits withMaxEventStreams(int streams) {
    return new Limits(journalBodyBytes, maxFaultDelay, batchParts, expressionLength, expressionDepth,
        entitiesPerSubscription, idleTimeout, bodyTimeout, maxConnections, stopTimeout, maxLogBytes, streams);
  }

  /** The limits the HTTP server applies to connections, and whether it logs each request. */
  ServerLimits server(boolean accessLog) {
    return new ServerLimits(idleTimeout, bodyTimeout, maxConnections, stopTimeout, accessLog);
  }

  /** The limits the OData pipeline applies to each request. */
  RequestLimits requests() {
    return new RequestLimits(batchParts, expressionLength, expressionDepth);
  }
}
