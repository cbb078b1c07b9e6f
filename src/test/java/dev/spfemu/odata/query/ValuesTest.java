package dev.spfemu.odata.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesTest {

  static Stream<Arguments> equalNumbers() {
    return Stream.of(
        Arguments.of(1, 1L),
        Arguments.of(1L, 1),
        Arguments.of(1, new BigDecimal("1.00")),
        Arguments.of(new BigDecimal("1.00"), 1L),
        Arguments.of(1, 1.0),
        Arguments.of(1.5, new BigDecimal("1.5")),
        Arguments.of(2.5f, 2.5),
        Arguments.of(new BigDecimal("10"), new BigDecimal("1E+1")));
  }

  @ParameterizedTest
  @MethodSource("equalNumbers")
  void numbersOfAnyTypeCompareByValue(Number a, Number b) {
    assertEquals(0, Values.compare(a, b));
    assertEquals(0, Values.compare(b, a));
    assertTrue(Values.equal(a, b));
    assertTrue(Values.equal(b, a));
  }

  @Test
  void numberOrderAcrossTypes() {
    assertTrue(Values.compare(1, 2L) < 0);
    assertTrue(Values.compare(2L, 1.5) > 0);
    assertTrue(Values.compare(1.5, 2) < 0);
    assertTrue(Values.compare(new BigDecimal("0.1"), 0) > 0);
    assertTrue(Values.compare(0L, new BigDecimal("0.1")) < 0);
    assertTrue(Values.compare(new BigDecimal("-0.5"), -1) > 0);
    assertTrue(Values.compare(Long.MAX_VALUE, Long.MAX_VALUE - 1) > 0, "longs are not compared as doubles");
    assertTrue(Values.compare(Integer.MIN_VALUE, Long.MAX_VALUE) < 0);
    assertFalse(Values.equal(1, 2L));
    assertFalse(Values.equal(new BigDecimal("1.01"), 1));
  }

  @Test
  void dateTimesAreEqualWhenTheInstantIs() {
    OffsetDateTime utc = OffsetDateTime.parse("2026-11-28T07:14:21.7064060Z");
    OffsetDateTime plusOne = OffsetDateTime.parse("2026-11-28T08:14:21.7064060+01:00");
    assertNotEquals(utc, plusOne, "java.time would call them different");
    assertTrue(Values.equal(utc, plusOne));
    assertTrue(Values.equal(plusOne, utc));
    assertEquals(0, Values.compare(utc, plusOne));

    OffsetDateTime later = OffsetDateTime.parse("2026-11-28T07:14:21.7064061Z");
    assertFalse(Values.equal(utc, later));
    assertTrue(Values.compare(plusOne, later) < 0);
    assertTrue(Values.compare(OffsetDateTime.parse("2026-11-28T08:00:00+01:00"),
        OffsetDateTime.parse("2026-11-28T07:30:00Z")) < 0, "by instant, not by local time");
  }

  @Test
  void guidsCompareAsDotNetDoes() {
    UUID low = UUID.fromString("0fffffff-ffff-ffff-ffff-ffffffffffff");
    UUID middle = UUID.fromString("80000000-0000-0000-0000-000000000000");
    UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
    assertTrue(middle.compareTo(low) < 0, "UUID.compareTo is signed");
    assertTrue(Values.compare(low, middle) < 0);
    assertTrue(Values.compare(middle, high) < 0);
    assertTrue(Values.compare(low, high) < 0);
    assertTrue(Values.compare(UUID.fromString("00000000-0000-0000-8000-000000000000"),
        UUID.fromString("00000000-0000-0000-7fff-ffffffffffff")) > 0, "the low half is unsigned too");
    assertTrue(Values.equal(UUID.fromString(high.toString()), high));
  }

  @Test
  void otherTypes() {
    assertTrue(Values.compare("a", "Z") < 0, "strings ignore case first, as .NET's default comparer");
    assertTrue(Values.compare("a", "A") < 0, "and put lower case first on a tie");
    assertTrue(Values.compare("a", "ab") < 0);
    assertTrue(Values.compare(false, true) < 0);
    assertTrue(Values.compare(Duration.ofSeconds(1), Duration.ofMillis(999)) > 0);
    assertTrue(Values.compare(new byte[] {(byte) 0x80}, new byte[] {0x7f}) > 0, "bytes unsigned");
    assertTrue(Values.equal(new byte[] {1, 2}, new byte[] {1, 2}), "binary by content");
    assertFalse(Values.equal(new byte[] {1, 2}, new byte[] {1, 3}));
    assertFalse(Values.equal("1", 1));
  }

  @Test
  void nulls() {
    assertTrue(Values.equal(null, null));
    assertFalse(Values.equal(null, "a"));
    assertFalse(Values.equal("a", null));
    assertFalse(Values.equal(0, null));

    List<Object> values = new ArrayList<>(Arrays.asList("b", null, "a", null));
    values.sort(Values.ORDER);
    assertEquals(Arrays.asList(null, null, "a", "b"), values);
    assertEquals(0, Values.ORDER.compare(null, null));
  }

  @Test
  void incomparableTypesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Values.compare("a", 1));
    assertThrows(IllegalArgumentException.class, () -> Values.compare(UUID.randomUUID(), "a"));
  }

  @Test
  void integerDivisionAndModuloByZeroGiveNull() {
    assertNull(Values.arithmetic('/', 1, 0));
    assertNull(Values.arithmetic('/', 1L, 0L));
    assertNull(Values.arithmetic('%', 5, 0));
    assertNull(Values.arithmetic('/', new BigDecimal("1"), BigDecimal.ZERO));
    assertNull(Values.arithmetic('%', new BigDecimal("1"), 0));
    assertEquals(Double.POSITIVE_INFINITY, Values.arithmetic('/', 1.0, 0));
  }

  @Test
  void arithmeticPromotesAsDotNet() {
    assertEquals(5L, Values.arithmetic('+', 2, 3));
    assertEquals(-1L, Values.arithmetic('-', 2, 3L));
    assertEquals(6L, Values.arithmetic('*', 2, 3));
    assertEquals(3L, Values.arithmetic('/', 7, 2), "integer division truncates");
    assertEquals(-3L, Values.arithmetic('/', -7, 2), "towards zero");
    assertEquals(-1L, Values.arithmetic('%', -7, 2));
    assertEquals(new BigDecimal("3.5"), Values.arithmetic('+', 1, new BigDecimal("2.5")));
    assertEquals(BigDecimal.ONE.divide(new BigDecimal(3), MathContext.DECIMAL128),
        Values.arithmetic('/', BigDecimal.ONE, 3L));
    assertEquals(3.5, Values.arithmetic('/', 7, 2.0));
    assertEquals(1.0, Values.arithmetic('%', 7.0, 2));
    assertEquals(-2.5, Values.arithmetic('-', 0L, 2.5));
  }

  static Stream<Arguments> decimalAndDoubleArithmetic() {
    BigDecimal left = new BigDecimal("7.5");
    return Stream.of(
        Arguments.of('+', left, 2L, new BigDecimal("9.5")),
        Arguments.of('-', left, 2L, new BigDecimal("5.5")),
        Arguments.of('*', left, 2L, new BigDecimal("15.0")),
        Arguments.of('/', left, 2L, new BigDecimal("3.75")),
        Arguments.of('%', left, 2L, new BigDecimal("1.5")),
        Arguments.of('%', 2L, left, new BigDecimal("2")),
        Arguments.of('+', 7.5, 2L, 9.5),
        Arguments.of('-', 7.5, 2L, 5.5),
        Arguments.of('*', 7.5, 2L, 15.0),
        Arguments.of('/', 7.5, 2L, 3.75),
        Arguments.of('%', 7.5, 2L, 1.5),
        Arguments.of('+', 2L, 7.5f, 9.5),
        Arguments.of('*', left, 2.0, 15.0));
  }

  @ParameterizedTest(name = "{1} {0} {2} = {3}")
  @MethodSource("decimalAndDoubleArithmetic")
  void decimalAndDoubleArithmeticComputeEachOperator(char operator, Number left, Number right, Number expected) {
    Object result = Values.arithmetic(operator, left, right);
    assertEquals(expected.getClass(), result.getClass(), "a double operand makes a double, else a decimal");
    assertEquals(0, Values.compare(expected, result), () -> "got " + result);
  }

  @Test
  void arithmeticOnNullIsNull() {
    assertNull(Values.arithmetic('+', null, 1));
    assertNull(Values.arithmetic('*', 1L, null));
    assertNull(Values.arithmetic('/', null, null));
  }

  @Test
  void arithmeticOnNonNumbersIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Values.arithmetic('+', "a", 1));
  }

  /** GUIDs compare as their lower-case text does (.NET's order), also where the signed halves would not. */
  @Test
  void guidsCompareAsTheirText() {
    SplittableRandom random = new SplittableRandom(13);
    List<UUID> ids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0),
        new UUID(Long.MAX_VALUE, Long.MIN_VALUE), new UUID(1, -1), new UUID(1, 1)));
    for (int i = 0; i < 2_000; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()));
      ids.add(new UUID(ids.get(i).getMostSignificantBits(), random.nextLong())); // equal first halves
    }
    for (UUID a : ids) {
      UUID b = ids.get(random.nextInt(ids.size()));
      assertEquals(Integer.signum(a.toString().compareTo(b.toString())), Integer.signum(Values.compare(a, b)),
          a + " against " + b);
      assertEquals(0, Values.compare(a, new UUID(a.getMostSignificantBits(), a.getLeastSignificantBits())));
    }
  }
}
