package dev.spfemu.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed media type or media range ({@code type/subtype; p=v; q=0.8}). Names and parameter
 * names are lower-cased; the q-value is taken out of the parameters. A small hand parser because
 * the request path parses one or two of these per request and needs nothing more.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters, double quality) {

  /** Parses one media type; null if it is not of the form type/subtype. */
  public static MediaType parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(";", -1); // -1: ";;;" is four empty parts, not none
    String full = parts[0].trim().toLowerCase(Locale.ROOT);
    int slash = full.indexOf('/');
    if (slash <= 0 || slash == full.length() - 1) {
      return null;
    }
    Map<String, String> parameters = Collections.emptyMap();
    double quality = 1.0;
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int eq = parameter.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = unquote(parameter.substring(eq + 1).trim());
      if (name.equals("q")) {
        quality = parseQuality(value);
      } else {
        if (parameters.isEmpty()) {
          parameters = new HashMap<>(4);
        }
        parameters.put(name, value);
      }
    }
    return new MediaType(full.substring(0, slash).trim(), full.substring(slash + 1).trim(),
        parameters, quality);
  }

  /** Parses an Accept header into its ranges, in the header's order; unparseable ranges are dropped. */
  public static List<MediaType> parseList(String header) {
    List<MediaType> ranges = new ArrayList<>(4);
    if (header == null) {
      return ranges;
    }
    for (String item : header.split(",")) {
      MediaType range = parse(item);
      if (range != null) {
        ranges.add(range);
      }
    }
    return ranges;
  }

  public String parameter(String name) {
    return parameters.get(name);
  }

  public boolean is(String type, String subtype) {
    return this.type.equals(type) && this.subtype.equals(subtype);
  }

  public boolean isWildcard() {
    return type.equals("*");
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
  }

  private static double parseQuality(String value) {
    try {
      double q = Double.parseDouble(value);
      return q < 0 || q > 1 || Double.isNaN(q) ? 0 : q;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
