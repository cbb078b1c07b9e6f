package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoded query options of a request. Decoding is form-decoding ({@code +} is a space), as WCF
 * Data Services reads query strings and as v3 clients write them; option names may arrive
 * percent-encoded ({@code %24filter}). {@code $format} is kept apart because content negotiation,
 * not the URI parser, consumes it.
 */
final class QueryOptions {

  private static final QueryOptions NONE = new QueryOptions(Map.of(), null);

  private final Map<String, List<String>> options;
  private final String format;

  private QueryOptions(Map<String, List<String>> options, String format) {
    this.options = options;
    this.format = format;
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
    return new QueryOptions(options, format);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw VmmErrors.invalidUri("The query string has a malformed percent-encoding in '" + text + "'.");
    }
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
