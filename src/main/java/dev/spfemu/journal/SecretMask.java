package dev.spfemu.journal;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of write-only properties (passwords, product keys) in a recorded request body,
 * so the journal does not give back what real SPF never gives back. Works on the text (JSON
 * {@code "Name": "value"} and Atom {@code <d:Name>value</d:Name>}), because the journal keeps the
 * body as the client sent it, whatever its format; the names come from the models.
 */
public final class SecretMask {

  /** What a masked value reads as. */
  public static final String MASK = "***";
  /** Masks nothing. */
  public static final SecretMask NONE = new SecretMask(List.of(), null, null);

  private final List<String> names;
  private final Pattern json;
  private final Pattern xml;

  private SecretMask(List<String> names, Pattern json, Pattern xml) {
    this.names = names;
    this.json = json;
    this.xml = xml;
  }

  /** A mask for the properties called {@code names}. */
  public static SecretMask of(Collection<String> names) {
    if (names.isEmpty()) {
      return NONE;
    }
    String alternatives = String.join("|", names.stream().map(Pattern::quote).toList());
    Pattern json = Pattern.compile("(\"(?:" + alternatives + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    Pattern xml = Pattern.compile("(<(\\w+:)?(?:" + alternatives + ")(?:\\s[^>]*)?>)[^<]*(</)");
    return new SecretMask(List.copyOf(names), json, xml);
  }

  /**
   * The values of header {@code name} as the journal keeps them: the credentials of
   * {@code Authorization} and {@code Proxy-Authorization} replaced by {@value #MASK} (the scheme is
   * kept, so a test can see which was sent), every other header as sent.
   */
  public static List<String> header(String name, List<String> values) {
    if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Proxy-Authorization")) {
      return values;
    }
    return values.stream().map(value -> {
      String trimmed = value.trim();
      int space = trimmed.indexOf(' ');
      return space < 0 ? MASK : trimmed.substring(0, space) + " " + MASK;
    }).toList();
  }

  /** {@code body} with every secret's value replaced by {@value #MASK}. */
  public String mask(String body) {
    if (json == null || body == null || body.isEmpty() || !namesAny(body)) {
      return body; // most bodies name no secret: no regular expression runs over them
    }
    String masked = json.matcher(body).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
    return xml.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
  }

  private boolean namesAny(String body) {
    for (String name : names) {
      if (body.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
