package dev.spfemu.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultRuleTest {

  private static boolean hit(FaultRule rule, String method, String set, String path) {
    return rule.hits(method, set, path, name -> name.equalsIgnoreCase("x-ms-principal-id") ? "tenant@fabrikam.com" : null);
  }

  @Test
  void matchesOnMethodSetPathAndHeader() {
    FaultRule rule = FaultRule.builder().method("post").entitySet("VMCheckPoints").pathMatching("/services/")
        .header("x-ms-principal-id", "tenant@fabrikam.com").respond(503, "Busy", "busy").build();
    assertTrue(hit(rule, "POST", "VMCheckPoints", "/s/services/systemcenter/vmm/VMCheckPoints"));
    assertFalse(hit(rule, "GET", "VMCheckPoints", "/s/services/systemcenter/vmm/VMCheckPoints"));
    assertFalse(hit(rule, "POST", "Clouds", "/s/services/systemcenter/vmm/Clouds"));
    assertFalse(hit(rule, "POST", "VMCheckPoints", "/SC2012R2/VMM/VMCheckPoints"));
    FaultRule otherPrincipal = FaultRule.builder().header("x-ms-principal-id", "admin@fabrikam.com").build();
    assertFalse(hit(otherPrincipal, "GET", null, "/"));
  }

  @Test
  void aCountedRuleExpires() {
    FaultRules rules = new FaultRules();
    FaultRule twice = FaultRule.builder().times(2).respond(500, "Boom", "boom").build();
    rules.add(twice);
    assertSame(twice, rules.hit("GET", null, "/", name -> null).rule());
    assertSame(twice, rules.hit("GET", null, "/", name -> null).rule());
    assertNull(rules.hit("GET", null, "/", name -> null));
    assertTrue(rules.isEmpty(), "an expired rule is dropped");
  }

  @Test
  void probabilityAndDelaysRepeatWithTheSeed() {
    List<Boolean> first = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    FaultRule a = FaultRule.builder().probability(0.5).seed(7).build();
    FaultRule b = FaultRule.builder().probability(0.5).seed(7).build();
    for (int i = 0; i < 50; i++) {
      first.add(hit(a, "GET", null, "/"));
      second.add(hit(b, "GET", null, "/"));
    }
    assertEquals(first, second);
    assertTrue(first.contains(true) && first.contains(false));

    FaultRule slow = FaultRule.builder().delayBetween(Duration.ofMillis(100), Duration.ofMillis(200)).seed(3).build();
    FaultRule twin = FaultRule.builder().delayBetween(Duration.ofMillis(100), Duration.ofMillis(200)).seed(3).build();
    for (int i = 0; i < 10; i++) {
      Duration delay = slow.delayFor();
      assertEquals(delay, twin.delayFor());
      assertTrue(delay.compareTo(Duration.ofMillis(100)) >= 0 && delay.compareTo(Duration.ofMillis(200)) <= 0);
    }
  }

  /** A rule's hits and misses on {@code n} matching requests, as X (hit) and . (miss). */
  private static String hitsAndMisses(FaultRule rule, int n) {
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < n; i++) {
      pattern.append(hit(rule, "GET", null, "/") ? 'X' : '.');
    }
    return pattern.toString();
  }

  @Test
  void probabilityZeroNeverHitsAndOneAlwaysHits() {
    assertEquals(".".repeat(200), hitsAndMisses(FaultRule.builder().probability(0).seed(1).build(), 200));
    assertEquals("X".repeat(200), hitsAndMisses(FaultRule.builder().probability(1).seed(1).build(), 200));
    assertEquals("X".repeat(200), hitsAndMisses(FaultRule.builder().build(), 200), "a rule hits always by default");
  }

  @Test
  void aSeededProbabilityHitsInTheSeedsSequence() {
    // java.util.Random(42): a request is hit when its draw is below the probability
    assertEquals("...X...X......X.X.X.", hitsAndMisses(FaultRule.builder().probability(0.3).seed(42).build(), 20));
    String many = hitsAndMisses(FaultRule.builder().probability(0.3).seed(42).build(), 1000);
    long hits = many.chars().filter(c -> c == 'X').count();
    assertTrue(hits > 240 && hits < 360, "about 30 % of 1000: " + hits);
  }

  @Test
  void aMissDoesNotUseUpACountedRule() {
    FaultRule once = FaultRule.builder().probability(0.3).seed(42).times(1).respond(503, "Busy", "busy").build();
    assertEquals("...X................", hitsAndMisses(once, 20), "misses first, then the one hit, then expired");
    assertTrue(once.expired());
  }

  @Test
  void randomDelaysSpreadOverTheirRangeInTheSeedsSequence() {
    Duration min = Duration.ofMillis(100);
    Duration max = Duration.ofMillis(200);
    FaultRule slow = FaultRule.builder().delayBetween(min, max).seed(3).build();
    List<Duration> first = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.add(slow.delayFor());
    }
    assertEquals(List.of(Duration.ofMillis(173), Duration.ofMillis(107), Duration.ofMillis(106), Duration.ofMillis(176),
        Duration.ofMillis(122)), first, "java.util.Random(3) over the 100 ms span");

    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      Duration delay = slow.delayFor();
      assertTrue(delay.compareTo(min) >= 0 && delay.compareTo(max) < 0, delay.toString());
      seen.add(delay);
    }
    assertTrue(seen.size() > 80, "spread over the range: " + seen.size() + " distinct delays");
    assertTrue(seen.contains(Duration.ofMillis(100)) || seen.contains(Duration.ofMillis(101)), "near the minimum");
    assertTrue(seen.contains(Duration.ofMillis(199)) || seen.contains(Duration.ofMillis(198)), "near the maximum");
  }

  @Test
  void aFixedDelayOrAnEmptyRangeIsAlwaysTheSame() {
    FaultRule fixed = FaultRule.builder().delay(Duration.ofMillis(250)).seed(3).build();
    FaultRule backwards = FaultRule.builder().delayBetween(Duration.ofMillis(300), Duration.ofMillis(100)).build();
    FaultRule empty = FaultRule.builder().delayBetween(Duration.ofMillis(300), Duration.ofMillis(300)).build();
    for (int i = 0; i < 20; i++) {
      assertEquals(Duration.ofMillis(250), fixed.delayFor());
      assertEquals(Duration.ofMillis(300), backwards.delayFor());
      assertEquals(Duration.ofMillis(300), empty.delayFor());
    }
    assertEquals(Duration.ZERO, FaultRule.builder().build().delayFor(), "no delay unless told");
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().respond(200, "x", "y"));
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().probability(2));
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().times(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {399, 600, 0, 200, 302, -500})
  void statusesOutsideFourAndFiveHundredsAreRefused(int status) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FaultRule.builder().respond(status, "x", "y"));
    assertEquals("a fault answers with an error status (4xx or 5xx), not " + status, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 503, 599})
  void everyFourAndFiveHundredStatusIsAccepted(int status) {
    FaultRule rule = FaultRule.builder().respond(status, "Code", "message").build();
    assertEquals(status, rule.status());
    assertEquals("Code", rule.code());
    assertEquals("message", rule.message());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.0001, -1, 1.0001, 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
  void probabilitiesOutsideZeroToOneAreRefused(double probability) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FaultRule.builder().probability(probability));
    assertEquals("probability must be between 0 and 1", e.getMessage());
  }

  @Test
  void aProbabilityThatIsNotANumberIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().probability(Double.NaN));
  }

  @Test
  void aCountBelowOneIsRefused() {
    assertEquals("times must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().times(0)).getMessage());
    assertEquals("times must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().times(-3)).getMessage());
  }
}
