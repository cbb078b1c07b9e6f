package dev.spfemu.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * A command line parsed against one option table (Commons CLI), read as typed values. Commons CLI
 * leaves conversion and most checks to its caller; they are here, with the messages the command line
 * has always given (they were picocli's): each says which option and value were wrong. Every problem
 * is a {@link BadCommandLine}: the caller prints it with the usage and exits 2.
 *
 * <p>Options that take no value ({@link #flagOption}) accept {@code --name=true} or {@code --name=false}, as
 * they always did. Each option's type is declared in the table ({@link Option#getType}) and every value is
 * converted as the line is parsed, so a wrong one is reported before anything acts on the others.
 */
final class Arguments {

  private final Options table;
  private final CommandLine line;

  private Arguments(Options table, CommandLine line) {
    this.table = table;
    this.line = line;
  }

  /** A table with {@code -h}/{@code --help} and {@code -V}/{@code --version}, which every command has. */
  static Options helpAndVersion() {
    return new Options()
        .addOption(Option.builder("h").longOpt("help").desc("Show this help message and exit.").get())
        .addOption(Option.builder("V").longOpt("version").desc("Print version information and exit.").get());
  }

  /** A flag: no value, or {@code =true} / {@code =false} attached. */
  static Option flagOption(String name, String description) {
    return Option.builder().longOpt(name).hasArg().optionalArg(true).argName("").type(Boolean.class)
        .desc(description).get();
  }

  /**
   * An option with one value of {@code type} (String, Integer, Long or Path: checked as the command line
   * is parsed), shown as {@code --name=ARG} in messages.
   */
  static Option valueOption(String name, String arg, Class<?> type, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).type(type).desc(description).get();
  }

  /**
   * An option that may be given any number of times, one value each ({@link #all} reads them); its type
   * is {@link List}, which tells it from an option given once.
   */
  static Option repeatableOption(String name, String arg, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).type(List.class).desc(description).get();
  }

  /**
   * Parses {@code args}. Refused here: an unknown option (no abbreviations: a later option could make
   * one ambiguous), an option without its value, two of a group of exclusive options, an argument that
   * is no option, a value that is not of its option's type, and a second one of an option that is not
   * repeatable; so all of these come before any file is read.
   */
  static Arguments parse(Options table, String... args) {
    CommandLine line;
    try {
      // Quotes are the shell's business: a value like "pw" is taken as it is, whichever way it is attached.
      line = DefaultParser.builder().setAllowPartialMatching(false).setStripLeadingAndTrailingQuotes(false).get()
          .parse(table, args);
    } catch (UnrecognizedOptionException e) {
      throw new BadCommandLine("Unknown option: '" + e.getOption() + "'");
    } catch (MissingArgumentException e) {
      throw new BadCommandLine("Missing required parameter for option '--" + e.getOption().getLongOpt() + "' ("
          + e.getOption().getArgName() + ")");
    } catch (AlreadySelectedException e) {
      throw new BadCommandLine(e.getOptionGroup().getOptions().stream().map(Arguments::shown)
          .sorted().collect(Collectors.joining(", ")) + " are mutually exclusive (specify only one)");
    } catch (ParseException e) { // nothing else is possible with this table and parser, but say it if it is
      throw new BadCommandLine(e.getMessage());
    }
    if (line.getArgs().length > 0) {
      throw new BadCommandLine("Unmatched argument: '" + line.getArgs()[0] + "' (every argument is an option;"
          + " a value with spaces needs quotes)");
    }
    Arguments arguments = new Arguments(table, line);
    for (Option given : line.getOptions()) {
      given.getValuesList().forEach(value -> convert(given, value));
      if (given.getType() != List.class && given.getArgs() != Option.UNLIMITED_VALUES) {
        arguments.single(given.getKey());
      }
    }
    return arguments;
  }

  /** Whether the flag {@code names} (aliases of one another) is given, at most once. */
  boolean flag(String... names) {
    String given = single(names);
    return given != null && (line.getOptionValue(given) == null
        || (Boolean) convert(table.getOption(given), line.getOptionValue(given)));
  }

  /** Whether {@code name} is given (once). */
  boolean has(String name) {
    return single(name) != null;
  }

  /** The value of {@code name}, or {@code fallback} if it is not given. */
  String text(String name, String fallback) {
    return single(name) == null ? fallback : line.getOptionValue(name);
  }

  /** The value of the Integer option {@code name}, or {@code fallback}. */
  int integer(String name, int fallback) {
    return has(name) ? (Integer) convert(table.getOption(name), line.getOptionValue(name)) : fallback;
  }

  /** The value of the Long option {@code name}, or {@code fallback}. */
  long number(String name, long fallback) {
    return has(name) ? (Long) convert(table.getOption(name), line.getOptionValue(name)) : fallback;
  }

  /** The value of the Path option {@code name}, or null if it is not given. */
  Path path(String name) {
    return has(name) ? (Path) convert(table.getOption(name), line.getOptionValue(name)) : null;
  }

  /** {@code value} as its option's type, or a {@link BadCommandLine} naming the option, the value and the type. */
  private static Object convert(Option option, String value) {
    Object type = option.getType(); // the Class the table declared
    try {
      if (type == Integer.class) {
        return Integer.parseInt(value); // decimal only, as before: 010 is 10, 0x10 is refused
      } else if (type == Long.class) {
        return Long.parseLong(value);
      } else if (type == Path.class) {
        return Path.of(value);
      } else if (type == Boolean.class) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw invalid(option, value, "is not a boolean");
        }
        return Boolean.parseBoolean(value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid(option, value, type == Integer.class ? "is not an int" : "is not a long");
    } catch (InvalidPathException e) {
      throw invalid(option, value, "is not a path: " + e.getReason());
    }
  }

  /** Every value of a repeatable option (or one taking several values), in order; empty if it is not given. */
  List<String> all(String name) {
    String[] values = line.getOptionValues(name);
    return values == null ? new ArrayList<>() : new ArrayList<>(List.of(values));
  }

  /** Refuses a command line without all of {@code names}, naming those missing. */
  void require(String... names) {
    List<String> missing = Stream.of(names).filter(name -> !line.hasOption(name))
        .map(name -> "'" + shown(table.getOption(name)) + "'").toList();
    if (!missing.isEmpty()) {
      throw new BadCommandLine("Missing required option" + (missing.size() > 1 ? "s" : "") + ": "
          + String.join(", ", missing));
    }
  }

  /** Which of {@code names} is given, or null; refuses a second occurrence of any of them. */
  private String single(String... names) {
    String given = null;
    long times = 0;
    for (String name : names) {
      Option option = table.getOption(name);
      long count = Stream.of(line.getOptions()).filter(option::equals).count();
      if (count > 0 && given == null) {
        given = name;
      }
      times += count;
    }
    if (times > 1) {
      Option first = table.getOption(given);
      throw new BadCommandLine("option '--" + first.getLongOpt() + "'"
          + (first.getArgName().isEmpty() ? "" : " (" + first.getArgName() + ")") + " should be specified only once");
    }
    return given;
  }

  private static BadCommandLine invalid(Option option, String value, String problem) {
    return new BadCommandLine("Invalid value for option '--" + option.getLongOpt() + "': '" + value + "' " + problem);
  }

  /** {@code --name=ARG} or, for a flag, {@code --name}. */
  private static String shown(Option option) {
    return "--" + option.getLongOpt()
        + (option.getArgName() == null || option.getArgName().isEmpty() ? "" : "=" + option.getArgName());
  }

  /**
   * Prints {@code syntax}, {@code header} and every option of {@code table}, with its description, to
   * {@code out}. Commons CLI's classic formatter, though 1.10 deprecated it for its {@code help} package:
   * that package's table (1.11.0) centres its column titles, indents the wrapped lines of a description
   * unevenly and shows {@code arg} after a flag that may take {@code =true}.
   */
  @SuppressWarnings("deprecation")
  static void usage(Options table, String syntax, String header, PrintStream out) {
    org.apache.commons.cli.HelpFormatter formatter = org.apache.commons.cli.HelpFormatter.builder().get();
    formatter.setSyntaxPrefix("Usage: ");
    formatter.setLongOptSeparator("=");
    PrintWriter writer = new PrintWriter(out);
    formatter.printHelp(writer, 80, syntax, header, table, formatter.getLeftPadding(), formatter.getDescPadding(),
        null);
    writer.flush();
  }

  /** The command line is wrong: the message says how, and the caller prints it with the usage (exit code 2). */
  static final class BadCommandLine extends IllegalArgumentException {
    BadCommandLine(String message) {
      super(message);
    }
  }
}
