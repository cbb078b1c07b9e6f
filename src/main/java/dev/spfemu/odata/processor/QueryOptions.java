package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decoded query options of a request. Decoding is form-decoding ({@code +} is a space), as WCF
 * Data Services reads query strings and as v3 clients write them; option names may arrive
 * percent-encoded ({@code %24filter}). {@code $format} is kept apart because content negotiation,
 * not the URI parser, consumes it.
 */
final class QueryOptions {

  private static final QueryOptions NONE = new QueryOptions(Map.of(), null, null);

  private final Map<String, List<String>> options;
  private final String format;
  private final String rawQuery;

  private QueryOptions(Map<String, List<String>> options, String format, String rawQuery) {
    this.options = options;
    this.format = format;
    this.rawQuery = rawQuery;
  }

  static QueryOptions parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return NONE;
    }
    Map<String, List<String>> options = new HashMap<>();
    String format = null;
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (name.equals("$format")) {
        if (format != null) {
          throw VmmErrors.invalidUri("The query option '$format' appears more than once.");
        }
        format = value;
      } else {
        options.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
      }
    }
    return new QueryOptions(options, format, rawQuery);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw VmmErrors.invalidUri("The query string has a malformed percent-encoding in '" + text + "'.");
    }
  }

  /** The first value of an option (decoded), or null. */
  String value(String name) {
    List<String> values = options.get(name);
    return values == null ? null : values.get(0);
  }

  /**
   * The query string as the client encoded it, without the options named (by decoded name): the
   * base of a next link, which keeps the client's {@code $filter}, {@code $orderby} and so on.
   */
  List<String> rawPairsExcept(Set<String> names) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return List.of();
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (!pair.isEmpty() && !names.contains(decode(eq < 0 ? pair : pair.substring(0, eq)))) {
        kept.add(pair);
      }
    }
    return kept;
  }

  /** All options but {@code $format}, by decoded name. */
  Map<String, List<String>> options() {
    return options;
  }

  /** The {@code $format} value, or null. */
  String format() {
    return format;
  }
}
