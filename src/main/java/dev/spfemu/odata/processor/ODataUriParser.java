package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.exception.ODataMessageException;
import org.apache.olingo.odata2.api.uri.PathSegment;
import org.apache.olingo.odata2.api.uri.UriNotMatchingException;
import org.apache.olingo.odata2.core.exception.MessageService;
import org.apache.olingo.odata2.core.uri.UriInfoImpl;
import org.apache.olingo.odata2.core.uri.UriParserImpl;

/**
 * Parses a resource path and its query options with Olingo's URI parser, after adapting the key
 * forms .NET clients send that Olingo does not take: {@code Guid'…'} or {@code GUID'…'} (Olingo
 * wants lower case) and braces around a GUID ({@code guid'{…}'}). Olingo itself percent-decodes, so
 * {@code guid%27…%27} works as is. Olingo's exceptions become OData errors here: a path that names
 * nothing is a 404, any other parse failure a 400.
 */
final class ODataUriParser {

  private static final Pattern TYPED_LITERAL = Pattern.compile(
      "(?i)(?<=[(=,])(guid|datetime|datetimeoffset|time|binary)(%27|')(%7B|\\{)?");
  private static final Pattern GUID_CLOSE_BRACE = Pattern.compile("(?i)(%7D|})(%27|')");

  private final Edm edm;

  ODataUriParser(Edm edm) {
    this.edm = edm;
  }

  /** Parses {@code resourcePath} (percent-encoded, no leading '/') with {@code options}. */
  UriInfoImpl parse(String resourcePath, Map<String, List<String>> options) {
    List<PathSegment> segments = new ArrayList<>(2);
    for (String segment : resourcePath.split("/", -1)) {
      segments.add(new Segment(normalizeKeys(segment)));
    }
    try {
      return (UriInfoImpl) new UriParserImpl(edm).parseAll(segments, options);
    } catch (UriNotMatchingException e) {
      throw VmmErrors.notFound(message(e));
    } catch (ODataMessageException e) {
      // UriSyntaxException and EdmException: the URI is malformed or does not fit the model
      throw VmmErrors.invalidUri(message(e));
    }
  }

  /** Rewrites typed key literals into the form Olingo parses; leaves plain segments untouched. */
  static String normalizeKeys(String segment) {
    int open = segment.indexOf('(');
    if (open < 0 || !needsNormalizing(segment, open)) {
      return segment;
    }
    Matcher literal = TYPED_LITERAL.matcher(segment);
    StringBuilder out = new StringBuilder(segment.length());
    while (literal.find()) {
      literal.appendReplacement(out, Matcher.quoteReplacement(
          literal.group(1).toLowerCase(Locale.ROOT) + literal.group(2)));
    }
    literal.appendTail(out);
    return GUID_CLOSE_BRACE.matcher(out).replaceAll("$2");
  }

  private static boolean needsNormalizing(String segment, int from) {
    for (int i = from; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '{' || c == '}' || c == '%' || Character.isUpperCase(c) && isLiteralPrefixStart(segment, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLiteralPrefixStart(String segment, int i) {
    char before = segment.charAt(i - 1);
    return before == '=' || before == '(' || before == ',';
  }

  private static String message(ODataMessageException e) {
    try {
      return MessageService.getMessage(Locale.ENGLISH, e.getMessageReference()).getText();
    } catch (RuntimeException unavailable) {
      return e.getMessageReference() == null ? "The URI is not valid." : e.getMessageReference().getKey();
    }
  }

  /** A path segment without matrix parameters, which OData does not use. */
  private record Segment(String path) implements PathSegment {
    @Override
    public String getPath() {
      return path;
    }

    @Override
    public Map<String, List<String>> getMatrixParameters() {
      return Map.of();
    }
  }
}
