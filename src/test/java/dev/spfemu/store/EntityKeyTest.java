package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityKeyTest {

  private static final UUID ID = UUID.fromString("f11b61fa-b5c7-4807-93b4-f9b371896c6f");
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");

  @Test
  void keysWithEqualValuesAreEqual() {
    EntityKey a = EntityKey.of(ID, STAMP);
    EntityKey b = EntityKey.of(UUID.fromString(ID.toString()), UUID.fromString(STAMP.toString()));

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void orderMatters() {
    assertNotEquals(EntityKey.of(ID, STAMP), EntityKey.of(STAMP, ID));
  }

  @Test
  void exposesValuesInOrder() {
    EntityKey key = EntityKey.of(ID, STAMP);

    assertEquals(2, key.size());
    assertEquals(ID, key.value(0));
    assertEquals(STAMP, key.value(1));
  }

  @Test
  void copiesTheValuesArray() {
    Object[] values = {ID, STAMP};
    EntityKey key = EntityKey.of(values);
    values[0] = STAMP;

    assertEquals(ID, key.value(0));
    assertEquals(EntityKey.of(ID, STAMP), key);
  }

  @Test
  void rejectsNullValues() {
    assertThrows(IllegalArgumentException.class, () -> EntityKey.of(ID, null));
  }
}
