package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
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
  void hashesAsAnArrayOfItsValuesInEveryForm() {
    for (Object[] values : List.of(new Object[] {ID}, new Object[] {ID, STAMP}, new Object[] {ID, "name"},
        new Object[] {"name", 7}, new Object[] {ID, STAMP, ID})) {
      EntityKey key = EntityKey.of(values);
      assertEquals(Arrays.hashCode(values), key.hashCode(), Arrays.toString(values));
      assertEquals(Arrays.toString(values), key.toString());
      assertEquals(values.length, key.size());
      for (int i = 0; i < values.length; i++) {
        assertEquals(values[i], key.value(i));
      }
    }
  }

  @Test
  void keysOfGuidsAreNeverEqualToOtherValues() {
    assertNotEquals(EntityKey.of(ID), EntityKey.of(ID.toString()));
    assertNotEquals(EntityKey.of(ID), EntityKey.of(ID, STAMP));
    assertNotEquals(EntityKey.of(ID, STAMP), EntityKey.of(ID, STAMP.toString()));
    assertNotEquals(EntityKey.of(ID, STAMP), EntityKey.of(ID, STAMP, ID));
    assertNotEquals(EntityKey.of(ID, STAMP), EntityKey.of(ID, UUID.randomUUID()));
    assertEquals(EntityKey.of(ID, "x"), EntityKey.of(ID, "x"));
  }

  @Test
  void findsWhereAValueIsInTheKey() {
    assertEquals(0, EntityKey.of(ID).indexOf(UUID.fromString(ID.toString())));
    assertEquals(1, EntityKey.of(ID, STAMP).indexOf(STAMP));
    assertEquals(-1, EntityKey.of(ID, STAMP).indexOf(ID.toString()));
    assertEquals(1, EntityKey.of(7, "name").indexOf("name"));
    assertEquals(-1, EntityKey.of(7, "name").indexOf("other"));
  }

  @Test
  void rejectsNullValues() {
    assertThrows(IllegalArgumentException.class, () -> EntityKey.of(ID, null));
  }
}
