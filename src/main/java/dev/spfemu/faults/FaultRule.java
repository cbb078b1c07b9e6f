package dev.spfemu.faults;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A fault to inject: which requests it hits (method, entity set, path pattern, a header) and what
 * it does to them (answer an OData error, wait, or drop the connection), optionally only with some
 * probability (seeded, so runs repeat) and only a number of times.
 *
 * <pre>{@code
 * spf.addFault(FaultRule.builder().method("POST").entitySet("VMCheckPoints")
 *     .respond(503, "ServiceUnavailable", "VMM is busy").times(2).build());
 * }</pre>
 */
public final class FaultRule {

  private final String method;
  private final String entitySet;
  private final Pattern path;
  private final String header;
  private final String headerValue;
  private final int status;
  private final String code;
  private final String message;
  private final Duration delay;
  private final Duration maxDelay;
  private final boolean drop;
  private final double probability;
  private final long seed;
  private final Random random;
  private final AtomicInteger remaining;

  private FaultRule(Builder b) {
    this.method = b.method;
    this.entitySet = b.entitySet;
    this.path = b.path;
    this.header = b.header;
    this.headerValue = b.headerValue;
    this.status = b.status;
    this.code = b.code;
    this.message = b.message;
    this.delay = b.delay;
    this.maxDelay = b.maxDelay;
    this.drop = b.drop;
    this.probability = b.probability;
    this.seed = b.seed;
    this.random = new Random(b.seed);
    this.remaining = new AtomicInteger(b.times);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether this rule hits a request; a hit uses up one of its times.
   *
   * @param headers header look-up by name, case-insensitive
   */
  boolean hits(String requestMethod, String requestEntitySet, String requestPath, UnaryOperator<String> headers) {
    if (method != null && !method.equalsIgnoreCase(requestMethod)
        || entitySet != null && !entitySet.equals(requestEntitySet)
        || path != null && !BoundedMatch.find(path, requestPath)
        || header != null && !matchesHeader(headers.apply(header))) {
      return false;
    }
    if (probability < 1.0) {
      synchronized (random) {
        if (random.nextDouble() >= probability) {
          return false;
        }
      }
    }
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
  }

  private boolean matchesHeader(String value) {
    return value != null && (headerValue == null || headerValue.equals(value));
  }

  /** Whether the rule has hits left (a rule with a count expires). */
  boolean expired() {
    return remaining.get() == 0;
  }

  /** How long to wait before answering (a random length between delay and maxDelay when both are set). */
  public Duration delayFor() {
    if (maxDelay == null || maxDelay.compareTo(delay) <= 0) {
      return delay;
    }
    long span = maxDelay.minus(delay).toMillis();
    synchronized (random) {
      return delay.plusMillis((long) (random.nextDouble() * span));
    }
  }

  /** The longest delay this rule can ask for (its maximum when it is random). */
  public Duration longestDelay() {
    return maxDelay != null && maxDelay.compareTo(delay) > 0 ? maxDelay : delay;
  }

  /** The method matched (any case), or null for any. */
  public String method() {
    return method;
  }

  /** The entity set matched, or null for any. */
  public String entitySet() {
    return entitySet;
  }

  /** The regular expression found in the request path, or null for any path. */
  public String pathPattern() {
    return path == null ? null : path.pattern();
  }

  /** The header a request must carry, or null. */
  public String header() {
    return header;
  }

  /** The value {@link #header()} must have, or null for any value. */
  public String headerValue() {
    return headerValue;
  }

  /** The (shortest) delay. */
  public Duration delay() {
    return delay;
  }

  /** The longest random delay, or null when the delay is fixed. */
  public Duration maxDelay() {
    return maxDelay;
  }

  public double probability() {
    return probability;
  }

  public long seed() {
    return seed;
  }

  /** How many more requests the rule hits, or -1 for every one. */
  public int remaining() {
    return remaining.get();
  }

  /** The status to answer with, or 0 to answer normally (after the delay). */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String message() {
    return message;
  }

  /** Whether to drop the connection instead of answering. */
  public boolean dropsConnection() {
    return drop;
  }

  /** Builds a rule; with no action set, a rule only delays (by zero unless told). */
  public static final class Builder {
    /** The longest path pattern: a request path is at most a few KiB, so is anything sensible to find in it. */
    public static final int MAX_PATTERN_LENGTH = 1000;

    private String method;
    private String entitySet;
    private Pattern path;
    private String header;
    private String headerValue;
    private int status;
    private String code = "InjectedFault";
    private String message = "A fault injected into the emulator.";
    private Duration delay = Duration.ZERO;
    private Duration maxDelay;
    private boolean drop;
    private double probability = 1.0;
    private long seed;
    private int times = -1;

    private Builder() {
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder entitySet(String entitySet) {
      this.entitySet = entitySet;
      return this;
    }

    /**
     * A regular expression found in the request path. A match that takes longer than
     * {@link BoundedMatch#BUDGET} counts as no match, so no pattern can hang a request.
     *
     * @throws IllegalArgumentException when it is not a regular expression or is longer than
     *     {@value #MAX_PATTERN_LENGTH} characters
     */
    public Builder pathMatching(String regex) {
      if (regex.length() > MAX_PATTERN_LENGTH) {
        throw new IllegalArgumentException("a path pattern has at most " + MAX_PATTERN_LENGTH + " characters, not "
            + regex.length());
      }
      this.path = Pattern.compile(regex);
      return this;
    }

    /** Only requests with this header (any value when {@code value} is null). */
    public Builder header(String name, String value) {
      this.header = name;
      this.headerValue = value;
      return this;
    }

    /** Answer with this status and OData error instead of serving the request. */
    public Builder respond(int status, String code, String message) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("a fault answers with an error status (4xx or 5xx), not " + status);
      }
      this.status = status;
      this.code = code;
      this.message = message;
      return this;
    }

    public Builder delay(Duration delay) {
      this.delay = nonNegative(delay);
      return this;
    }

    /** Wait a random time between {@code min} and {@code max} (repeatable with {@link #seed}). */
    public Builder delayBetween(Duration min, Duration max) {
      this.delay = nonNegative(min);
      this.maxDelay = nonNegative(max);
      return this;
    }

    private static Duration nonNegative(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new IllegalArgumentException("a fault delay is zero or more, not " + delay);
      }
      return delay;
    }

    public Builder dropConnection() {
      this.drop = true;
      return this;
    }

    /** Hit only this share of matching requests (0..1). */
    public Builder probability(double probability) {
      if (!(probability >= 0 && probability <= 1)) { // written so that NaN is refused too
        throw new IllegalArgumentException("probability must be between 0 and 1");
      }
      this.probability = probability;
      return this;
    }

    /** The seed of the probability and random delays, so runs repeat. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Hit this many requests, then expire. */
    public Builder times(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1");
      }
      this.times = times;
      return this;
    }

    public FaultRule build() {
      return new FaultRule(this);
    }
  }
}
