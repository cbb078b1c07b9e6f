package dev.spfemu.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.faults.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultRuleJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static FaultRule read(String body) throws Exception {
    JsonNode node = JSON.readTree(body);
    return FaultRuleJson.read(node);
  }

  @Test
  void readsAnErrorWithItsDefaults() throws Exception {
    FaultRule rule = read("{\"status\":503}");
    assertEquals(503, rule.status());
    assertEquals("InjectedFault", rule.code());
    assertEquals(Duration.ZERO, rule.delayFor());
  }

  @Test
  void readsDelaysAndDrops() throws Exception {
    assertEquals(Duration.ofMillis(250), read("{\"delayMillis\":250}").delayFor());
    Duration random = read("{\"delayMillis\":100,\"maxDelayMillis\":200,\"seed\":42}").delayFor();
    assertTrue(random.toMillis() >= 100 && random.toMillis() <= 200, random.toString());
    assertTrue(read("{\"dropConnection\":true,\"probability\":0.5}").dropsConnection());
    assertEquals(0, read("{\"delayMillis\":5}").status(), "a delay only serves the request afterwards");
  }

  @Test
  void refusesWhatItCannotUseAndSaysWhy() {
    assertEquals("'status' must be a whole number",
        assertThrows(IllegalArgumentException.class, () -> read("{\"status\":\"503\"}")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> read("{\"Status\":503}")).getMessage()
        .contains("unknown field 'Status'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> read("[]")).getMessage().contains("JSON object"));
    assertThrows(IllegalArgumentException.class, () -> read("{\"probability\":2}"));
    assertThrows(IllegalArgumentException.class, () -> read("{\"times\":0}"));
    assertThrows(IllegalArgumentException.class, () -> read("{\"delayMillis\":-1}"));
    assertThrows(IllegalArgumentException.class, () -> read("{\"method\":5}"));
  }
}
