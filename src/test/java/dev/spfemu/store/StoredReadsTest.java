package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The primitive reads of a record ({@link EntityRecord#guid}, {@link EntityRecord#time},
 * {@link EntityRecord#latin1}) give what {@link EntityRecord#value} gives, for every form a value
 * may be stored in, and decline every value not of their form.
 */
class StoredReadsTest {

  private static final UUID ID = UUID.fromString("f11b61fa-b5c7-4807-93b4-f9b371896c6f");
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  private static final OffsetDateTime UTC = OffsetDateTime.of(2026, 12, 1, 23, 30, 5, 123_456_700, ZoneOffset.UTC);

  /** Values of every kind and form: stored GUIDs, the key's, times in ticks and with an offset, strings. */
  private static final Object[] VALUES = {
      ID, STAMP, UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), UTC,
      OffsetDateTime.of(2014, 8, 28, 14, 19, 48, 883_862_300, ZoneOffset.ofHours(-7)),
      OffsetDateTime.of(1901, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC), // before 1970: negative ticks
      OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 1, ZoneOffset.UTC), // a nano of no whole tick: not in ticks
      "Checkpoint 1", "", "café crème", "x".repeat(100), "y".repeat(200), "Zürich – ok", "名前",
      true, false, 42, 5_000_000_000L, new BigDecimal("1.5"), List.of("a"), null};

  private final EntityRecord record = new EntityRecord(EntityKey.of(ID, STAMP), VALUES);

  private final long[] parts = new long[3];
  private final char[] chars = new char[128];
  private int length;

  @Test
  void guidsAreReadAsTheirBits() {
    assertReads(value -> value instanceof UUID, i -> record.guid(i, parts), () -> new UUID(parts[0], parts[1]));
  }

  @Test
  void timesAreReadAsSecondNanoAndOffset() {
    assertReads(value -> value instanceof OffsetDateTime, i -> record.time(i, parts), () -> OffsetDateTime.ofInstant(
        Instant.ofEpochSecond(parts[0], parts[1]), ZoneOffset.ofTotalSeconds((int) parts[2])));
  }

  @Test
  void latin1StringsAreCopiedWhenTheyFit() {
    assertReads(value -> value instanceof String s && s.chars().allMatch(c -> c < 256) && s.length() <= chars.length,
        i -> (length = record.latin1(i, chars)) >= 0, () -> new String(chars, 0, length));
  }

  /** Each value of the form is read, and read back as it was stored (its offset too); every other is declined. */
  private void assertReads(Predicate<Object> ofTheForm, IntPredicate read, Supplier<Object> readBack) {
    for (int i = 0; i < VALUES.length; i++) {
      assertEquals(ofTheForm.test(VALUES[i]), read.test(i), "value " + i);
      if (ofTheForm.test(VALUES[i])) {
        assertEquals(VALUES[i], readBack.get(), "value " + i);
      }
    }
  }

  @Test
  void guidsOfEveryFormOfKeyAreRead() {
    UUID other = UUID.randomUUID();
    for (EntityKey key : List.of(EntityKey.of(ID), EntityKey.of(ID, STAMP), EntityKey.of("name", ID),
        EntityKey.of(STAMP, ID, other))) {
      EntityRecord keyed = new EntityRecord(key, new Object[] {ID, STAMP, other, "name"});
      long[] bits = new long[2];
      for (int i = 0; i < 3; i++) {
        assertEquals(true, keyed.guid(i, bits), key + ", value " + i);
        assertEquals(keyed.value(i), new UUID(bits[0], bits[1]), key + ", value " + i);
      }
      assertEquals(false, keyed.guid(3, bits), key.toString());
    }
  }

  @Test
  void aStringOfTheKeyIsLeftToValue() {
    EntityRecord named = new EntityRecord(EntityKey.of("web-01"), new Object[] {"web-01", "web-01x"});
    assertEquals(-1, named.latin1(0, new char[128]));
    assertEquals(7, named.latin1(1, new char[128]));
  }

  @Test
  void indexesOutsideTheRecordAreRefused() {
    assertThrows(IndexOutOfBoundsException.class, () -> record.guid(VALUES.length, new long[2]));
    assertThrows(IndexOutOfBoundsException.class, () -> record.time(-1, new long[3]));
    assertThrows(IndexOutOfBoundsException.class, () -> record.latin1(VALUES.length, new char[8]));
  }
}
