package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.model.EdmKind;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link ValueChars} writes what the codecs' {@code toText} writes, char for char, or declines. */
class ValueCharsTest {

  private static final DateTimeFormatter SPF = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

  private final PrimitiveCodec guids = PrimitiveCodecs.of(EdmKind.GUID);
  private final PrimitiveCodec times = PrimitiveCodecs.of(EdmKind.DATE_TIME_OFFSET);
  private final SplittableRandom random = new SplittableRandom(13);
  private final char[] chars = new char[64];

  @Test
  void guidsAsUuidWritesThem() {
    assertGuid(new UUID(0, 0));
    assertGuid(new UUID(-1, -1));
    assertGuid(new UUID(Long.MIN_VALUE, Long.MAX_VALUE));
    assertGuid(UUID.fromString("f11b61fa-b5c7-4807-93b4-f9b371896c6f"));
    for (int i = 0; i < 10_000; i++) {
      assertGuid(new UUID(random.nextLong(), random.nextLong()));
    }
  }

  private void assertGuid(UUID id) {
    int length = ValueChars.guid(id.getMostSignificantBits(), id.getLeastSignificantBits(), chars);
    assertEquals(guids.toText(id), new String(chars, 0, length));
  }

  @Test
  void timesAsTheCodecWritesThem() {
    assertTime(OffsetDateTime.of(2014, 8, 28, 14, 19, 48, 883_862_300, ZoneOffset.ofHours(-7)));
    assertTime(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertTime(OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_900, ZoneOffset.UTC)); // negative ticks
    assertTime(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)); // the first year written by hand
    assertTime(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC)); // the last
    assertTime(OffsetDateTime.of(2000, 2, 29, 12, 0, 0, 50, ZoneOffset.ofHoursMinutes(5, 30))); // leap day, no tick
    assertTime(OffsetDateTime.of(2100, 2, 28, 23, 0, 0, 0, ZoneOffset.ofHours(-14)));
    assertTime(OffsetDateTime.of(2024, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(14)));
    long first = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    long last = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    for (int i = 0; i < 20_000; i++) {
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-14 * 60, 14 * 60 + 1) * 60);
      long second = random.nextLong(first, last + 1) - offset.getTotalSeconds();
      OffsetDateTime time = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second,
          random.nextInt(1_000_000_000)), offset);
      if (time.getYear() >= 0 && time.getYear() <= 9999) {
        assertTime(time);
      }
    }
  }

  private void assertTime(OffsetDateTime time) {
    int length = ValueChars.dateTime(time.toEpochSecond(), time.getNano(), time.getOffset().getTotalSeconds(), chars);
    assertEquals(times.toText(time), new String(chars, 0, length), time.toString());
    assertEquals(SPF.format(time), new String(chars, 0, length), time.toString());
  }

  @Test
  void declinesWhatTheFormatterWrites() {
    assertDeclined(OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertDeclined(OffsetDateTime.of(-1, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC));
    assertDeclined(OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-2))); // 10000 in UTC, not here
    assertDeclined(OffsetDateTime.of(2014, 8, 28, 14, 19, 48, 0, ZoneOffset.ofTotalSeconds(3601)));
  }

  private void assertDeclined(OffsetDateTime time) {
    int length = ValueChars.dateTime(time.toEpochSecond(), time.getNano(), time.getOffset().getTotalSeconds(), chars);
    if (time.getYear() >= 0 && time.getYear() <= 9999 && time.getOffset().getTotalSeconds() % 60 == 0) {
      assertEquals(times.toText(time), new String(chars, 0, length)); // in range locally: written
    } else {
      assertEquals(-1, length, time.toString());
    }
  }
}
