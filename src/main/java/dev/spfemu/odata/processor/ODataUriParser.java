package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.model.StreamModel;
import dev.spfemu.odata.query.CompiledExpressions;
import dev.spfemu.odata.query.FilterLiterals;
import dev.spfemu.store.EntityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.olingo.odata2.api.commons.InlineCount;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.uri.KeyPredicate;
import org.apache.olingo.odata2.api.uri.NavigationSegment;
import org.apache.olingo.odata2.api.uri.UriInfo;

/**
 * Parses a request's resource path and query options, once, into a {@link ResourceTarget}: the
 * canonical paths clients send most, and an entity set with a {@code $filter} of equalities alone (checked
 * against the expression limits first, as every expression is), by {@link CanonicalPathParser}; everything
 * else by Olingo
 * ({@link OlingoUriParser}), whose result is translated here into the model's terms and compiled.
 * Before Olingo sees them, the key forms .NET clients send that Olingo does not take are adapted:
 * {@code Guid'…'} or {@code GUID'…'} (Olingo wants lower case) and braces around a GUID
 * ({@code guid'{…}'}); Olingo itself percent-decodes, so {@code guid%27…%27} works as is. The
 * literals of {@code $filter} and {@code $orderby} are adapted by {@link FilterLiterals}.
 */
final class ODataUriParser {

  private static final Pattern TYPED_LITERAL = Pattern.compile(
      "(?i)(?<=[(=,])(guid|datetime|datetimeoffset|time|binary)(?=%27|')");
  private static final Pattern BRACED_GUID = Pattern.compile(
      "(?i)(?<=guid)(%27|')(?:%7B|\\{)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:%7D|})(%27|')");

  /** The query options that hold expressions. */
  private static final List<String> EXPRESSIONS = List.of("$filter", "$orderby");

  private final ServiceModel model;
  private final OlingoUriParser olingo;
  private final CanonicalPathParser fastPath;
  private final RequestLimits limits;
  /** The names of every type's named streams, so that other paths cost one set look-up. */
  private final Set<String> streamNames = new HashSet<>();

  ODataUriParser(Edm edm, ServiceModel model, RequestLimits limits) {
    this.model = model;
    this.limits = limits;
    for (EntityTypeModel type : model.entityTypes()) {
      type.streams().forEach(stream -> streamNames.add(stream.name()));
    }
    this.olingo = new OlingoUriParser(edm);
    this.fastPath = new CanonicalPathParser(model);
  }

  /** What {@code resourcePath} (percent-encoded, no leading '/') with the {@code query} addresses and asks. */
  ResourceTarget parse(String resourcePath, QueryOptions query) {
    if (query.options().isEmpty()) {
      ResourceTarget fast = fastPath.parse(resourcePath,
          ParsedQuery.withoutOptions(query.rawPairsExcept(ParsedQuery.CONSUMED_BY_PAGING)));
      if (fast != null) {
        return fast;
      }
    }
    for (String option : EXPRESSIONS) {
      for (String expression : query.options().getOrDefault(option, List.of())) {
        limits.checkExpression(option, expression); // before any parser sees it
      }
    }
    if (query.options().size() == 1 && query.options().getOrDefault("$filter", List.of()).size() == 1) {
      ResourceTarget fast = fastPath.parseFiltered(resourcePath, query.value("$filter"),
          query.rawPairsExcept(ParsedQuery.CONSUMED_BY_PAGING));
      if (fast != null) {
        return fast;
      }
    }
    FilterLiterals literals = new FilterLiterals();
    Map<String, List<String>> options = normalizeExpressions(query.options(), literals);
    String[] parts = resourcePath.split("/", -1);
    List<String> segments = new ArrayList<>(parts.length);
    for (String part : parts) {
      segments.add(normalizeKeys(part));
    }
    ResourceTarget stream = streamTarget(segments, options, literals, query);
    return stream != null ? stream : target(olingo.parse(segments, options), literals, query);
  }

  /**
   * A named stream ({@code VirtualMachines(…)/VMConnection}), which Olingo, an OData V2 library, does
   * not know: the entity's path is parsed without the last segment. Null for anything else, which
   * Olingo then parses (and reports) as usual.
   */
  private ResourceTarget streamTarget(List<String> segments, Map<String, List<String>> options,
      FilterLiterals literals, QueryOptions query) {
    int last = segments.size() - 1;
    boolean value = last > 1 && segments.get(last).equals("$value");
    int at = value ? last - 1 : last;
    if (at < 1 || !streamNames.contains(segments.get(at))) {
      return null;
    }
    ResourceTarget entity = target(olingo.parse(segments.subList(0, at), options), literals, query);
    StreamModel stream = entity.kind() == ResourceTarget.Kind.ENTITY ? entity.type().stream(segments.get(at)) : null;
    if (stream == null) {
      return null;
    }
    if (value) {
      throw VmmErrors.invalidUri("'" + stream.name() + "' is a named stream, read at …/" + stream.name()
          + " itself: leave out the /$value.");
    }
    return ResourceTarget.stream(entity, stream);
  }

  /** The target of Olingo's parse; separate so that tests can hand it parses no real EDM yields. */
  ResourceTarget target(OlingoUriParser.Parsed parsed, FilterLiterals literals, QueryOptions query) {
    UriInfo uri = parsed.uri();
    ResourceTarget.Kind kind = parsed.kind();
    switch (kind) {
      case ENTITY_SET:
      case COUNT:
      case LINKS:
        EntityTypeModel set = type(uri);
        NavigationPath setPath = navigation(uri);
        return new ResourceTarget(kind, set, null, null, query(set, uri, literals, query), setPath);
      case ENTITY:
        EntityTypeModel type = type(uri);
        NavigationPath path = navigation(uri);
        return new ResourceTarget(kind, type, path == null ? key(type, uri.getKeyPredicates()) : null, null,
            query(type, uri, literals, query), path);
      case PROPERTY:
      case PROPERTY_VALUE:
        EntityTypeModel owner = type(uri);
        PropertyModel property = owner.property(propertyName(uri));
        NavigationPath ownerPath = navigation(uri);
        return new ResourceTarget(kind, owner, ownerPath == null ? key(owner, uri.getKeyPredicates()) : null,
            property, query(owner, uri, literals, query), ownerPath);
      default:
        return ResourceTarget.of(kind);
    }
  }

  /** The navigation segments of the path in the model's terms, or null when it has none. */
  private NavigationPath navigation(UriInfo uri) {
    List<NavigationSegment> segments = uri.getNavigationSegments();
    if (segments == null || segments.isEmpty()) {
      return null;
    }
    try {
      EntityTypeModel start = model.byEntitySet(uri.getStartEntitySet().getName());
      List<NavigationPath.Step> steps = new ArrayList<>(segments.size());
      EntityTypeModel current = start;
      for (NavigationSegment segment : segments) {
        NavigationModel navigation = current.navigation(segment.getNavigationProperty().getName());
        List<KeyPredicate> keys = segment.getKeyPredicates();
        steps.add(new NavigationPath.Step(navigation,
            keys == null || keys.isEmpty() ? null : key(navigation.target(), keys)));
        current = navigation.target();
      }
      return new NavigationPath(start, key(start, uri.getKeyPredicates()), steps);
    } catch (EdmException e) {
      throw VmmErrors.invalidUri("The navigation property cannot be resolved.");
    }
  }

  /** The options with {@code $filter} and {@code $orderby} rewritten for Olingo (see {@link FilterLiterals}). */
  private static Map<String, List<String>> normalizeExpressions(Map<String, List<String>> options,
      FilterLiterals literals) {
    if (!options.containsKey("$filter") && !options.containsKey("$orderby")) {
      return options;
    }
    Map<String, List<String>> normalized = new HashMap<>(options);
    for (String option : EXPRESSIONS) {
      List<String> values = options.get(option);
      if (values != null) {
        normalized.put(option, values.stream().map(literals::normalize).toList());
      }
    }
    return normalized;
  }

  /** The query options Olingo parsed, compiled for {@code type}; the next link's base from the raw query. */
  private static ParsedQuery query(EntityTypeModel type, UriInfo uri, FilterLiterals literals, QueryOptions query) {
    return new ParsedQuery(CompiledExpressions.compile(type, uri.getFilter(), uri.getOrderBy(), literals),
        Selection.of(type, uri.getSelect(), uri.getExpand(), query.value("$select")), uri.getTop(), uri.getSkip(),
        uri.getSkipToken(), uri.getInlineCount() == InlineCount.ALLPAGES,
        query.rawPairsExcept(ParsedQuery.CONSUMED_BY_PAGING));
  }

  private static String propertyName(UriInfo uri) {
    try {
      return uri.getPropertyPath().get(0).getName();
    } catch (EdmException e) {
      throw VmmErrors.invalidUri("The property cannot be resolved.");
    }
  }

  private EntityTypeModel type(UriInfo uri) {
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
}
