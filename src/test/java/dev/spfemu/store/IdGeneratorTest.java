package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  private final IdGenerator ids = IdGenerator.random();

  @Test
  void makesVersionFourVariantTwoGuids() {
    for (int i = 0; i < 1000; i++) {
      UUID id = ids.next();

      assertEquals(4, id.version(), id.toString());
      assertEquals(2, id.variant(), id.toString());
    }
  }

  @Test
  void makesDistinctValues() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(ids.next()));
    }
  }
}
