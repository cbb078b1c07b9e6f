package dev.spfemu.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertSame(twice, rules.hit("GET", null, "/", name -> null));
    assertSame(twice, rules.hit("GET", null, "/", name -> null));
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

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().respond(200, "x", "y"));
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().probability(2));
    assertThrows(IllegalArgumentException.class, () -> FaultRule.builder().times(0));
  }
}
