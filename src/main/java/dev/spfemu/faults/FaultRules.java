package dev.spfemu.faults;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The fault rules of one emulator, tried in the order they were added, each with an ID to list and
 * remove it by; expired ones are dropped. A request waiting in a rule's delay is released when the
 * rule is removed (one by one, or all at once by {@link #clear()}), so a test that cleans up never
 * waits for the faults it set.
 */
public final class FaultRules {

  /** The most rules at once: each is tried on every request, and a test needs a handful. */
  public static final int MAX_RULES = 1000;
  /** The longest delay a rule may ask for unless the emulator is told otherwise. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);

  private final Duration maxDelay;
  private final List<Listed> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  /** The requests waiting in a delay now, to wake when their rule is removed. */
  private final Set<Sleeper> sleeping = ConcurrentHashMap.newKeySet();
  /** How many times {@link #clear()} ran: a request hit before a clear is not kept waiting after it. */
  private final AtomicLong clears = new AtomicLong();

  public FaultRules() {
    this(DEFAULT_MAX_DELAY);
  }

  /** @param maxDelay the longest delay a rule may ask for */
  public FaultRules(Duration maxDelay) {
    this.maxDelay = maxDelay;
  }

  /** A rule with its ID; {@code removed} is set once it is removed (not when it expires). */
  public record Listed(String id, FaultRule rule, AtomicBoolean removed) {
    public Listed(String id, FaultRule rule) {
      this(id, rule, new AtomicBoolean());
    }
  }

  /** A rule that hit a request, and how many clears there had been then. */
  public record Hit(Listed listed, long clears) {
    public FaultRule rule() {
      return listed.rule();
    }
  }

  private record Sleeper(Listed listed, CountDownLatch wake) {
  }

  /**
   * Adds a rule after those already there.
   *
   * @return the rule's ID, to remove it by
   * @throws IllegalArgumentException when its delay is longer than the limit, or there are
   *     {@value #MAX_RULES} rules already
   */
  public String add(FaultRule rule) {
    if (rule.longestDelay().compareTo(maxDelay) > 0) {
      throw new IllegalArgumentException("a fault delay is at most " + maxDelay.toMillis() + " ms (the emulator's "
          + "limit), not " + rule.longestDelay().toMillis() + " ms");
    }
    if (rules.size() >= MAX_RULES) {
      throw new IllegalArgumentException("there are " + MAX_RULES + " fault rules already, the most there can be;"
          + " remove some first (DELETE /_emulator/faults)");
    }
    String id = Long.toString(ids.incrementAndGet());
    rules.add(new Listed(id, rule));
    return id;
  }

  /** Removes every rule, releasing the requests waiting in their delays. */
  public void clear() {
    clears.incrementAndGet(); // first: a request hit before it and not yet asleep sees it
    for (Listed listed : rules) {
      if (rules.remove(listed)) {
        listed.removed().set(true);
      }
    }
    sleeping.forEach(sleeper -> sleeper.wake().countDown());
  }

  /**
   * Removes the rule with this ID, releasing the requests waiting in its delay.
   *
   * @return whether there was one
   */
  public boolean remove(String id) {
    for (Listed listed : rules) {
      if (listed.id().equals(id) && rules.remove(listed)) {
        listed.removed().set(true); // first: a request hit by it and not yet asleep sees it
        sleeping.stream().filter(sleeper -> sleeper.listed() == listed).forEach(sleeper -> sleeper.wake().countDown());
        return true;
      }
    }
    return false;
  }

  /** Whether there is no rule (the request path checks this before it works anything out). */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The rules with their IDs, in the order they are tried. */
  public List<Listed> listed() {
    return List.copyOf(rules);
  }

  public List<FaultRule> rules() {
    return rules.stream().map(Listed::rule).toList();
  }

  /** The first rule that hits the request, or null (the common case costs one empty-list check). */
  public Hit hit(String method, String entitySet, String path, UnaryOperator<String> headers) {
    if (rules.isEmpty()) {
      return null;
    }
    long clearsBefore = clears.get();
    for (Listed listed : rules) {
      if (listed.rule().hits(method, entitySet, path, headers)) {
        if (listed.rule().expired()) {
          rules.remove(listed); // used up, not removed: whoever waits in its delay waits it out
        }
        return new Hit(listed, clearsBefore);
      }
    }
    return null;
  }

  /**
   * Waits {@code delay}, or less if the rule that hit is removed meanwhile, or the rules cleared.
   *
   * @return whether the whole delay passed (false: the rule was removed, or the thread interrupted)
   */
  public boolean sleep(Hit hit, Duration delay) {
    Sleeper sleeper = new Sleeper(hit.listed(), new CountDownLatch(1));
    sleeping.add(sleeper); // then check: a removal either is seen here or sees the sleeper
    try {
      if (hit.listed().removed().get() || clears.get() != hit.clears()) {
        return false;
      }
      return !sleeper.wake().await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      sleeping.remove(sleeper);
    }
  }
}
