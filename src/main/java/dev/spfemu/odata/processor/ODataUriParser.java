package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.odata.query.FilterLiterals;
import dev.spfemu.store.EntityKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.exception.ODataMessageException;
import org.apache.olingo.odata2.api.uri.KeyPredicate;
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
      "(?i)(?<=[(=,])(guid|datetime|datetimeoffset|time|binary)(?=%27|')");
  private static final Pattern BRACED_GUID = Pattern.compile(
      "(?i)(?<=guid)(%27|')(?:%7B|\\{)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:%7D|})(%27|')");

  private final Edm edm;
  private final ServiceModel model;
  private final CanonicalPathParser fastPath;

  ODataUriParser(Edm edm, ServiceModel model) {
    this.edm = edm;
    this.model = model;
    this.fastPath = new CanonicalPathParser(model);
  }

  /** What {@code resourcePath} (percent-encoded, no leading '/') with {@code options} addresses. */
  ResourceTarget parse(String resourcePath, Map<String, List<String>> options) {
    if (options.isEmpty()) {
      ResourceTarget fast = fastPath.parse(resourcePath);
      if (fast != null) {
        return fast;
      }
    }
    FilterLiterals literals = new FilterLiterals();
    UriInfoImpl uri = parseWithOlingo(resourcePath, normalizeExpressions(options, literals));
    Map<String, OffsetDateTime> dateTimes = literals.dateTimes();
    switch (uri.getUriType()) {
      case URI0:
        return ResourceTarget.of(ResourceTarget.Kind.SERVICE_DOCUMENT, uri);
      case URI8:
        return ResourceTarget.of(ResourceTarget.Kind.METADATA, uri);
      case URI9:
        return ResourceTarget.of(ResourceTarget.Kind.BATCH, uri);
      case URI1:
        return new ResourceTarget(ResourceTarget.Kind.ENTITY_SET, type(uri), null, null, uri, dateTimes);
      case URI15:
        return new ResourceTarget(ResourceTarget.Kind.COUNT, type(uri), null, null, uri, dateTimes);
      case URI2:
        EntityTypeModel type = type(uri);
        return new ResourceTarget(ResourceTarget.Kind.ENTITY, type, key(type, uri.getKeyPredicates()), null, uri,
            dateTimes);
      case URI5:
        EntityTypeModel owner = type(uri);
        PropertyModel property = owner.property(propertyName(uri));
        return new ResourceTarget(uri.isValue() ? ResourceTarget.Kind.PROPERTY_VALUE : ResourceTarget.Kind.PROPERTY,
            owner, key(owner, uri.getKeyPredicates()), property, uri, dateTimes);
      default:
        return ResourceTarget.of(ResourceTarget.Kind.OTHER, uri);
    }
  }

  /** The options with {@code $filter} and {@code $orderby} rewritten for Olingo (see {@link FilterLiterals}). */
  private static Map<String, List<String>> normalizeExpressions(Map<String, List<String>> options,
      FilterLiterals literals) {
    if (!options.containsKey("$filter") && !options.containsKey("$orderby")) {
      return options;
    }
    Map<String, List<String>> normalized = new HashMap<>(options);
    for (String option : List.of("$filter", "$orderby")) {
      List<String> values = options.get(option);
      if (values != null) {
        normalized.put(option, values.stream().map(literals::normalize).toList());
      }
    }
    return normalized;
  }

  private static String propertyName(UriInfoImpl uri) {
    try {
      return uri.getPropertyPath().get(0).getName();
    } catch (EdmException e) {
      throw VmmErrors.invalidUri("The property cannot be resolved.");
    }
  }

  private EntityTypeModel type(UriInfoImpl uri) {
    try {
      return model.byEntitySet(uri.getTargetEntitySet().getName());
    } catch (EdmException e) {
      throw VmmErrors.invalidUri("The entity set cannot be resolved.");
    }
  }

  private static EntityKey key(EntityTypeModel type, List<KeyPredicate> predicates) {
    Object[] values = new Object[type.keys().size()];
    try {
      for (KeyPredicate predicate : predicates) {
        PropertyModel property = type.property(predicate.getProperty().getName());
        values[type.keys().indexOf(property)] =
            PrimitiveCodecs.of(property.kind()).parseText(predicate.getLiteral());
      }
    } catch (EdmException | ValueFormatException e) {
      throw VmmErrors.invalidUri("The key predicate is not valid: " + e.getMessage());
    }
    return EntityKey.of(values);
  }

  /** Olingo's parse of {@code resourcePath}; visible for the fast path's differential test. */
  UriInfoImpl parseWithOlingo(String resourcePath, Map<String, List<String>> options) {
    List<PathSegment> segments = new ArrayList<>(2);
    for (String segment : resourcePath.split("/", -1)) {
      segments.add(new Segment(normalizeKeys(segment)));
    }
    try {
      return (UriInfoImpl) new UriParserImpl(edm).parseAll(segments, options);
    } catch (UriNotMatchingException e) {
      // A name that matches nothing is a 404 in the path but a 400 in a query option ($select=Foo).
      if (!options.isEmpty() && pathAloneParses(segments)) {
        throw VmmErrors.invalidQuery(message(e));
      }
      throw VmmErrors.notFound(message(e));
    } catch (ODataMessageException e) {
      // UriSyntaxException and EdmException: the URI is malformed or does not fit the model
      throw VmmErrors.invalidUri(message(e));
    }
  }

  private boolean pathAloneParses(List<PathSegment> segments) {
    try {
      new UriParserImpl(edm).parseAll(segments, Map.of());
      return true;
    } catch (ODataMessageException e) {
      return false;
    }
  }

  /** Rewrites typed key literals into the form Olingo parses; returns other segments as they are. */
  static String normalizeKeys(String segment) {
    if (!needsNormalizing(segment)) {
      return segment;
    }
    Matcher prefix = TYPED_LITERAL.matcher(segment);
    StringBuilder lowered = new StringBuilder(segment.length());
    while (prefix.find()) {
      prefix.appendReplacement(lowered, prefix.group(1).toLowerCase(Locale.ROOT));
    }
    prefix.appendTail(lowered);
    return BRACED_GUID.matcher(lowered).replaceAll("$1$2$3");
  }

  /**
   * A cheap scan so that the common case (lower-case {@code guid'…'} without braces, literal or
   * percent-encoded) costs no regular expression: only a brace or a literal prefix with an
   * upper-case letter needs rewriting.
   */
  private static boolean needsNormalizing(String segment) {
    int open = segment.indexOf('(');
    if (open < 0) {
      return false;
    }
    for (int i = open; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '{' || c == '}') {
        return true;
      }
      boolean quote = c == '\'' || c == '%' && segment.startsWith("27", i + 1);
      if (quote && hasUpperCasePrefix(segment, i)) {
        return true;
      }
      if (c == '%' && (segment.regionMatches(true, i + 1, "7B", 0, 2) || segment.regionMatches(true, i + 1, "7D", 0, 2))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the letters right before position {@code quote} (a literal's type prefix) include an upper-case one. */
  private static boolean hasUpperCasePrefix(String segment, int quote) {
    for (int i = quote - 1; i >= 0 && Character.isLetter(segment.charAt(i)); i--) {
      if (Character.isUpperCase(segment.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static String message(ODataMessageException e) {
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
