package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stored form of a record: every value comes back equal and of its class. */
class EntityRecordTest {

  private static final UUID ID = UUID.fromString("f11b61fa-b5c7-4807-93b4-f9b371896c6f");
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 23, 30, 5, 123_456_700, ZoneOffset.UTC);

  private static EntityRecord stored(Object... values) {
    return new EntityRecord(EntityKey.of(ID, STAMP), values);
  }

  private static void assertRoundTrips(Object... values) {
    EntityRecord record = stored(values);
    assertEquals(values.length, record.size());
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], record.value(i), "value " + i);
      if (values[i] != null) {
        assertEquals(values[i].getClass(), record.value(i).getClass(), "class of value " + i);
      }
    }
    assertArrayEquals(values, record.values());
  }

  @Test
  void everyValueTypeOfTheModelRoundTrips() {
    assertRoundTrips(ID, STAMP, UUID.randomUUID(), "Checkpoint 1", "", Boolean.TRUE, Boolean.FALSE, 42, -7, 0,
        Integer.MIN_VALUE, Integer.MAX_VALUE, 5_000_000_000L, Long.MIN_VALUE, Long.MAX_VALUE, 255, NOW, null);
  }

  @Test
  void aCheckpointAsTheServiceStoresItRoundTrips() {
    assertRoundTrips("Public", NOW, UUID.randomUUID(), null, "", true, ID, NOW, "Checkpoint 1-123", UUID.randomUUID(),
        null, STAMP, null, UUID.randomUUID());
  }

  @Test
  void replacingOneValueGivesWhatChangingAllValuesGives() {
    UUID task = UUID.randomUUID();
    Object[] values = {"Public", NOW, UUID.randomUUID(), null, ID, true, STAMP, NOW, "web-01", UUID.randomUUID(),
        42, null};
    EntityRecord record = stored(values);
    Object[] replacements = {UUID.randomUUID(), ID, STAMP, null, "text", 7, NOW};
    for (int index = 0; index < values.length; index++) {
      for (Object replacement : replacements) {
        int at = index;
        EntityRecord patched = record.with(at, replacement);
        EntityRecord encoded = record.changed(v -> v[at] = replacement);
        assertArrayEquals(encoded.values(), patched.values(), "value " + at + " replaced by " + replacement);
        assertSame(record.key(), patched.key());
      }
    }
    assertArrayEquals(values, record.values(), "the record itself is unchanged");
    assertEquals(task, record.with(2, task).with(9, UUID.randomUUID()).value(2), "patches stack");
    assertThrows(IndexOutOfBoundsException.class, () -> record.with(values.length, task));
  }

  @Test
  void nullsAndEmptyRecords() {
    assertRoundTrips();
    assertRoundTrips((Object) null);
    assertRoundTrips(null, null, null);
  }

  @Test
  void stringsOfAnyCharactersRoundTrip() {
    assertRoundTrips("Prüfpunkt äöü ß", "チェックポイント", "emoji 😀 and text", "lone surrogate \uD800 here",
        "\uDFFF", "\u00FF\u0100", "\0nul", "x".repeat(100_000));
  }

  @Test
  void timesRoundTripWithTheirOffsetAndPrecision() {
    assertRoundTrips(NOW, NOW.withNano(1), NOW.withOffsetSameLocal(ZoneOffset.ofHoursMinutes(5, 30)),
        NOW.withOffsetSameLocal(ZoneOffset.ofHoursMinutesSeconds(-7, -3, -9)), OffsetDateTime.MIN, OffsetDateTime.MAX,
        OffsetDateTime.of(LocalDateTime.MIN, ZoneOffset.UTC), OffsetDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC),
        OffsetDateTime.of(1601, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(1969, 12, 31, 23, 59, 59,
            999_999_900, ZoneOffset.UTC), OffsetDateTime.of(-28_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void equalTimesAtOtherOffsetsStayApart() {
    OffsetDateTime sameInstant = NOW.withOffsetSameInstant(ZoneOffset.ofHours(2));
    EntityRecord record = stored(NOW, sameInstant, NOW);

    assertEquals(ZoneOffset.UTC, ((OffsetDateTime) record.value(0)).getOffset());
    assertEquals(sameInstant, record.value(1));
    assertEquals(NOW, record.value(2));
  }

  @Test
  void otherValuesAreKeptAsTheyAre() {
    List<String> names = new ArrayList<>(List.of("a", "b"));
    Map<String, Object> complex = Map.of("Name", "x");
    byte[] binary = {1, 2, 3};
    Object[] values = {names, "text", new BigDecimal("1.50"), complex, (short) 3, 2.5d, binary, null};
    EntityRecord record = stored(values);

    assertSame(names, record.value(0));
    assertEquals("text", record.value(1));
    assertEquals(new BigDecimal("1.50"), record.value(2));
    assertSame(complex, record.value(3));
    assertEquals((short) 3, record.value(4));
    assertEquals(2.5d, record.value(5));
    assertSame(binary, record.value(6));
    assertNull(record.value(7));
  }

  @Test
  void stringsOfEveryLengthAroundTheShortFormRoundTrip() {
    Object[] values = new Object[200];
    for (int i = 0; i < values.length; i++) {
      values[i] = "x".repeat(i);
    }
    assertRoundTrips(values);
    assertRoundTrips("ü".repeat(95), "ü".repeat(96), "€".repeat(95));
  }

  @Test
  void recordsOfEveryCountAroundTheShortHeaderRoundTrip() {
    for (int count = 28; count < 36; count++) {
      Object[] values = new Object[count];
      for (int i = 0; i < count; i++) {
        values[i] = i % 2 == 0 ? null : "value " + i;
      }
      assertRoundTrips(values);
    }
  }

  @Test
  void largeRecordsUseWideOffsets() {
    Object[] values = new Object[300];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 3 == 0 ? UUID.randomUUID() : i % 3 == 1 ? "value " + i : null;
    }
    assertRoundTrips(values);
    values[7] = "y".repeat(70_000);
    assertRoundTrips(values);
  }

  @Test
  void keyValuesComeFromTheKey() {
    EntityRecord record = new EntityRecord(EntityKey.of("name", 7), new Object[] {7, "name", ID, STAMP});

    assertEquals(List.of(7, "name", ID, STAMP), List.of(record.values()));
    assertRoundTrips(STAMP, ID, ID, STAMP);
  }

  @Test
  void valuesAreCopiedInAndOut() {
    Object[] values = {ID, "before"};
    EntityRecord record = stored(values);
    values[1] = "changed";
    record.values()[1] = "changed too";

    assertEquals("before", record.value(1));
  }

  @Test
  void changedMakesANewRecordAndLeavesThisOne() {
    EntityRecord record = stored(ID, "before", NOW);
    EntityRecord changed = record.changed(values -> values[1] = "after");

    assertEquals("before", record.value(1));
    assertEquals("after", changed.value(1));
    assertEquals(NOW, changed.value(2));
    assertSame(record.key(), changed.key());
  }

  @Test
  void positionsOutsideTheRecordAreRejected() {
    EntityRecord record = stored(ID, null);

    assertThrows(IndexOutOfBoundsException.class, () -> record.value(2));
    assertThrows(IndexOutOfBoundsException.class, () -> record.value(-1));
  }
}
