package dev.spfemu.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules of one emulator: IDs, removal one by one, the delay cap, and waiting requests released. */
class FaultRulesTest {

  private static final Duration LONG = Duration.ofSeconds(30);

  private final FaultRules rules = new FaultRules();

  private FaultRules.Hit hit() {
    return rules.hit("GET", null, "/", name -> null);
  }

  @Test
  void rulesAreListedWithIdsAndRemovedOneByOne() {
    FaultRule first = FaultRule.builder().respond(500, "A", "a").build();
    FaultRule second = FaultRule.builder().respond(503, "B", "b").build();
    String firstId = rules.add(first);
    String secondId = rules.add(second);
    assertEquals(List.of(firstId, secondId), rules.listed().stream().map(FaultRules.Listed::id).toList());
    assertTrue(rules.remove(firstId));
    assertFalse(rules.remove(firstId), "removed once");
    assertEquals(List.of(second), rules.rules());
    assertEquals(second, hit().rule());
    assertFalse(rules.remove("nope"));
  }

  @Test
  void anIdIsNeverReused() {
    String first = rules.add(FaultRule.builder().build());
    rules.clear();
    assertFalse(first.equals(rules.add(FaultRule.builder().build())));
  }

  @Test
  void aDelayAboveTheLimitIsRefused() {
    FaultRules capped = new FaultRules(Duration.ofSeconds(1));
    capped.add(FaultRule.builder().delay(Duration.ofSeconds(1)).build());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> capped.add(FaultRule.builder().delayBetween(Duration.ZERO, Duration.ofMillis(1001)).build()));
    assertEquals("a fault delay is at most 1000 ms (the emulator's limit), not 1001 ms", refused.getMessage());
    assertEquals(1, capped.rules().size());
    assertThrows(IllegalArgumentException.class,
        () -> new FaultRules().add(FaultRule.builder().delay(Duration.ofSeconds(61)).build()), "60 s by default");
  }

  @Test
  void theNumberOfRulesIsBounded() {
    for (int i = 0; i < FaultRules.MAX_RULES; i++) {
      rules.add(FaultRule.builder().build());
    }
    assertThrows(IllegalArgumentException.class, () -> rules.add(FaultRule.builder().build()));
  }

  @Test
  void clearingReleasesARequestWaitingInADelay() throws Exception {
    rules.add(FaultRule.builder().delay(LONG).build());
    FaultRules.Hit hit = hit();
    CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> rules.sleep(hit, LONG));
    awaitSleeping(waited);
    rules.clear();
    assertFalse(waited.get(10, TimeUnit.SECONDS), "released before the delay passed");
  }

  @Test
  void removingTheRuleReleasesItsWaitingRequestOnly() throws Exception {
    String id = rules.add(FaultRule.builder().header("x", "1").delay(LONG).build());
    rules.add(FaultRule.builder().header("x", "2").delay(Duration.ofMillis(1)).build());
    FaultRules.Hit hit = rules.hit("GET", null, "/", name -> "1");
    CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> rules.sleep(hit, LONG));
    awaitSleeping(waited);
    assertTrue(rules.remove(id));
    assertFalse(waited.get(10, TimeUnit.SECONDS));
    FaultRules.Hit other = rules.hit("GET", null, "/", name -> "2");
    assertTrue(rules.sleep(other, Duration.ofMillis(1)), "a rule still there delays in full");
  }

  @Test
  void aRequestHitBeforeAClearDoesNotWaitAfterIt() {
    rules.add(FaultRule.builder().delay(LONG).times(1).build());
    FaultRules.Hit hit = hit(); // the rule expires with this hit: it is no longer listed
    assertTrue(rules.isEmpty());
    rules.clear();
    assertFalse(rules.sleep(hit, LONG), "the clear came between the hit and the sleep");
  }

  @Test
  void aCatastrophicPatternCountsAsNoMatchInsteadOfHanging() {
    String path = "/s/services/systemcenter/vmm/VirtualMachines('" + "a".repeat(60) + "!')";
    rules.add(FaultRule.builder().pathMatching("(a+)+$").respond(500, "Boom", "boom").build());
    assertNull(rules.hit("GET", null, path, name -> null));
    assertTrue(BoundedMatch.find(Pattern.compile("Virtual(Machines)"), path), "a sensible pattern still matches");
  }

  @Test
  void aPathPatternIsBoundedInLength() {
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().pathMatching("a".repeat(1001)));
    FaultRule.builder().pathMatching("a".repeat(1000));
  }

  /** Waits until the task is blocked in its delay (it cannot be released before it sleeps otherwise). */
  private static void awaitSleeping(CompletableFuture<Boolean> waited) throws InterruptedException {
    for (int i = 0; i < 200 && !waited.isDone(); i++) {
      Thread.sleep(5);
    }
    assertFalse(waited.isDone(), "still waiting in the delay");
  }
}
