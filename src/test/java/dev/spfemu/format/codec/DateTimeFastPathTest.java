package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-rolled reading of common date-times ({@code DateTimeCodec.parseCommon}) agrees with the
 * formatter's reading wherever it answers, and leaves everything else to the formatter.
 */
class DateTimeFastPathTest {

  @ParameterizedTest
  @ValueSource(strings = {"2014-08-28T14:19:48.8838623-07:00", "2014-08-28T14:19:48Z", "2014-08-28T14:19:48",
      "2014-08-28T14:19", "2014-08-28T14:19Z", "2014-08-28T14:19:48.1", "2014-08-28T14:19:48.123456789+05:30",
      "2024-02-29T00:00:00-00:00", "0000-01-01T00:00:00+18:00", "9999-12-31T23:59:59.9999999-18:00"})
  void readsTheCommonFormsAsTheFormatterDoes(String text) {
    OffsetDateTime fast = DateTimeCodec.parseCommon(text);
    assertNotNull(fast, text);
    assertEquals(DateTimeCodec.parseWithFormatter(text), fast, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29T00:00:00", "2014-13-01T00:00:00", "2014-00-10T00:00:00", "2014-04-31T10:00",
      "2014-08-28T24:00:00", "2014-08-28T14:60:00", "2014-08-28T14:19:60", "2014-08-28T14:19:48.",
      "2014-08-28T14:19:48.1234567890", "2014-08-28T14:19:48+19:00", "2014-08-28T14:19:48+05:60",
      "2014-08-28T14:19:48+0530", "2014-08-28T14:19:48+05", "2014-08-28T14:19:48z", "2014-08-28t14:19:48",
      "2014-08-28 14:19:48", "+2014-08-28T14:19:48", "14-08-28T14:19:48", "2014-8-28T14:19:48",
      "2014-08-28T14:19:48Zjunk", "2014-08-28T14:19:4", "2014-08-28T1:19", "２014-08-28T14:19:48"})
  void leavesTheRestToTheFormatter(String text) {
    assertNull(DateTimeCodec.parseCommon(text), text);
  }

  @Test
  void agreesWithTheFormatterOnManyMadeUpTexts() {
    Random random = new Random(20261202);
    int answered = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = madeUp(random);
      OffsetDateTime fast = DateTimeCodec.parseCommon(text);
      OffsetDateTime slow;
      try {
        slow = DateTimeCodec.parseWithFormatter(text);
      } catch (DateTimeParseException e) {
        slow = null;
      }
      if (fast != null) {
        answered++;
        assertEquals(slow, fast, text);
      }
    }
    assertTrue(answered > 5_000, "the made-up texts exercise the fast path: " + answered);
  }

  /** Texts near the common form: fields in and out of range, zero to ten fractional digits, offsets or none. */
  private static String madeUp(Random random) {
    StringBuilder text = new StringBuilder();
    text.append(pad(random.nextInt(10_000), 4)).append('-').append(pad(random.nextInt(14), 2)).append('-')
        .append(pad(random.nextInt(33), 2)).append('T').append(pad(random.nextInt(26), 2)).append(':')
        .append(pad(random.nextInt(62), 2));
    if (random.nextInt(5) > 0) {
      text.append(':').append(pad(random.nextInt(62), 2));
      int fraction = random.nextInt(12) - 1;
      if (fraction >= 0) {
        text.append('.');
        for (int i = 0; i < fraction; i++) {
          text.append(random.nextInt(10));
        }
      }
    }
    switch (random.nextInt(5)) {
      case 0 -> text.append('Z');
      case 1, 2 -> text.append(random.nextBoolean() ? '+' : '-').append(pad(random.nextInt(20), 2)).append(':')
          .append(pad(random.nextInt(62), 2));
      case 3 -> text.append(random.nextBoolean() ? "+05" : "x");
      default -> { }
    }
    return text.toString();
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
