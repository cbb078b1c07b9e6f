package dev.spfemu.cli;

import static dev.spfemu.cli.Arguments.flagOption;
import static dev.spfemu.cli.Arguments.repeatableOption;
import static dev.spfemu.cli.Arguments.valueOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/**
 * What {@link Arguments} adds to Commons CLI: values converted to their option's type, options given
 * twice, stray arguments, flags with {@code =true}/{@code =false}, and the messages that say what was wrong.
 */
class ArgumentsTest {

  private static Options table() {
    return Arguments.helpAndVersion()
        .addOption(valueOption("count", "N", Integer.class, "How many."))
        .addOption(valueOption("size", "BYTES", Long.class, "How big."))
        .addOption(valueOption("file", "FILE", Path.class, "Which file."))
        .addOption(repeatableOption("name", "NAME", "Repeatable."))
        .addOption(valueOption("password", "PASSWORD", String.class, "A secret."))
        .addOption(flagOption("quiet", "Say less."))
        .addOption(flagOption("silent", "The same as --quiet."))
        .addOptionGroup(new OptionGroup().addOption(valueOption("ca", "FILE", Path.class, "Trust these."))
            .addOption(flagOption("trust-all", "Trust anything.")));
  }

  private static Arguments parse(String... args) {
    return Arguments.parse(table(), args);
  }

  private static String refused(String... args) {
    return assertThrows(Arguments.BadCommandLine.class, () -> {
      Arguments arguments = parse(args);
      arguments.flag("quiet", "silent");
      arguments.require("count");
    }).getMessage();
  }

  @Test
  void valuesAreTheirOptionsTypeOrTheFallback() {
    Arguments arguments = parse("--count", "7", "--size=5000000000", "--file", "a/b.json", "--name", "x");
    assertEquals(7, arguments.integer("count", 1));
    assertEquals(5_000_000_000L, arguments.number("size", 1));
    assertEquals(Path.of("a/b.json"), arguments.path("file"));
    assertEquals("x", arguments.text("name", "fallback"));
    Arguments none = parse();
    assertEquals(1, none.integer("count", 1));
    assertEquals(2L, none.number("size", 2));
    assertNull(none.path("file"));
    assertEquals("fallback", none.text("name", "fallback"));
    assertFalse(none.has("count"));
  }

  @Test
  void negativeNumbersAreValuesNotOptions() {
    assertEquals(-1, parse("--count", "-1").integer("count", 0));
    assertEquals(-5L, parse("--size", "-5").number("size", 0));
  }

  @Test
  void numbersAreDecimalAsBefore() {
    assertEquals(10, parse("--count", "010").integer("count", 0));
    assertEquals(5, parse("--count", "+5").integer("count", 0));
    assertEquals("Invalid value for option '--count': '0x10' is not an int", refused("--count", "0x10"));
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedAsTheLineIsParsed() {
    assertEquals("Invalid value for option '--count': 'many' is not an int", refused("--count", "many"));
    assertEquals("Invalid value for option '--count': '99999999999' is not an int", refused("--count=99999999999"));
    assertEquals("Invalid value for option '--size': '1.5' is not a long", refused("--size", "1.5"));
    assertTrue(refused("--file", "a\0b").startsWith("Invalid value for option '--file': 'a\0b' is not a path: "));
    assertEquals("Invalid value for option '--quiet': 'yes' is not a boolean", refused("--quiet=yes"));
  }

  @Test
  void anUnknownOrAbbreviatedOptionIsRefused() {
    assertEquals("Unknown option: '--colour'", refused("--colour"));
    assertEquals("Unknown option: '-x'", refused("-x"));
    assertEquals("Unknown option: '--cou'", refused("--cou", "1"), "no abbreviations");
  }

  @Test
  void anOptionWithoutItsValueIsRefusedNamingTheValue() {
    assertEquals("Missing required parameter for option '--count' (N)", refused("--count"));
    assertEquals("Missing required parameter for option '--file' (FILE)", refused("--file", "--quiet"));
  }

  @Test
  void anArgumentThatIsNoOptionIsRefused() {
    assertTrue(refused("--count", "1", "2").startsWith("Unmatched argument: '2' "), refused("--count", "1", "2"));
    assertTrue(refused("stray").startsWith("Unmatched argument: 'stray' "));
    assertTrue(refused("--", "--count").startsWith("Unmatched argument: '--count' "), "-- ends the options");
  }

  @Test
  void aSingleValuedOptionGivenTwiceIsRefused() {
    assertEquals("option '--count' (N) should be specified only once", refused("--count", "1", "--count", "1"));
    assertEquals("option '--quiet' should be specified only once", refused("--quiet", "--quiet"));
    assertEquals("option '--quiet' should be specified only once", refused("--silent", "--quiet"),
        "aliases are one option");
    assertEquals("option '--count' (N) should be specified only once",
        assertThrows(Arguments.BadCommandLine.class, () -> parse("--count", "1", "--count", "2")).getMessage(),
        "as the line is parsed, before any value is read");
  }

  @Test
  void aRepeatableOptionKeepsEveryValueInOrder() {
    assertEquals(List.of("a", "b", "a"), parse("--name", "a", "--name=b", "--name", "a").all("name"));
    assertEquals(List.of(), parse().all("name"));
  }

  @Test
  void aFlagIsTrueWhenGivenAndMayCarryTrueOrFalse() {
    assertFalse(parse().flag("quiet", "silent"));
    assertTrue(parse("--quiet").flag("quiet", "silent"));
    assertTrue(parse("--silent").flag("quiet", "silent"));
    assertTrue(parse("--quiet=TRUE").flag("quiet"));
    assertFalse(parse("--quiet=false").flag("quiet"));
    assertTrue(parse("--quiet", "--count", "1").flag("quiet"), "the option after a flag is not its value");
  }

  @Test
  void helpAndVersionHaveShortNamesThatCombine() {
    Arguments arguments = parse("-hV");
    assertTrue(arguments.flag("help"));
    assertTrue(arguments.flag("version"));
    assertTrue(parse("--help").flag("help"));
  }

  @Test
  void quotesInAValueAreKept() {
    assertEquals("\"pw\"", parse("--password", "\"pw\"").text("password", null));
    assertEquals("\"pw\"", parse("--password=\"pw\"").text("password", null));
    assertEquals("-secret", parse("--password", "-secret").text("password", null), "no such option: a value");
  }

  @Test
  void exclusiveOptionsAreRefusedTogether() {
    assertEquals("--ca=FILE, --trust-all are mutually exclusive (specify only one)",
        refused("--trust-all", "--ca", "x.pem"));
    assertEquals(Path.of("x.pem"), parse("--ca", "x.pem").path("ca"));
  }

  @Test
  void requiredOptionsAreNamedWhenMissing() {
    assertEquals("Missing required option: '--count=N'", refused());
    Arguments arguments = parse();
    assertEquals("Missing required options: '--count=N', '--quiet'",
        assertThrows(Arguments.BadCommandLine.class, () -> arguments.require("count", "quiet")).getMessage());
    parse("--count", "1").require("count");
  }

  @Test
  void theUsageListsEveryOptionWithItsValueAndDescription() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Arguments.usage(table(), "tool [OPTIONS]", "Does things.", new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String usage = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(usage.startsWith("Usage: tool [OPTIONS]\nDoes things.\n"), usage);
    assertTrue(usage.contains("--count=<N>"), usage);
    assertTrue(usage.contains(" -h,--help "), usage);
    assertTrue(usage.contains("--quiet "), usage);
    assertFalse(usage.contains("--quiet="), "a flag shows no value: " + usage);
    for (String description : List.of("How many.", "How big.", "Which file.", "Say less.", "Trust anything.")) {
      assertTrue(usage.contains(description), description + " in " + usage);
    }
  }
}
