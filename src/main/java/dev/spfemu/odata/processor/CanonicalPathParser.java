package dev.spfemu.odata.processor;

import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Guids;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.odata.query.CompiledExpressions;
import dev.spfemu.store.EntityKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fast path for the resource paths clients send most: {@code Set}, {@code Set()} and
 * {@code Set(ID=guid'…',StampId=guid'…')} (GUID keys named, in any order, quotes literal or
 * {@code %27}), and an entity set filtered by GUID or string equalities ({@code VMId eq guid'…' and …}). It
 * answers only when it is sure and returns null otherwise, so Olingo's parser, which compiles
 * regular expressions on every GUID literal, handles everything else and every error; differential
 * tests keep the two in agreement.
 */
final class CanonicalPathParser {

  private static final String LITERAL_QUOTE = "'";
  private static final String ENCODED_QUOTE = "%27";

  private final ServiceModel model;

  CanonicalPathParser(ServiceModel model) {
    this.model = model;
  }

  /**
   * The target of {@code resourcePath} with {@code query} (which has no options), or null when only
   * the full parser may decide.
   */
  ResourceTarget parse(String resourcePath, ParsedQuery query) {
    if (resourcePath.indexOf('/') >= 0) {
      return null;
    }
    int open = resourcePath.indexOf('(');
    EntityTypeModel type = model.byEntitySet(open < 0 ? resourcePath : resourcePath.substring(0, open));
    if (type == null) {
      return null;
    }
    if (isWholeSet(resourcePath, open)) {
      return ResourceTarget.entitySet(type, query);
    }
    if (!resourcePath.endsWith(")")) {
      return null;
    }
    EntityKey key = key(type, resourcePath.substring(open + 1, resourcePath.length() - 1));
    return key == null ? null : ResourceTarget.entity(type, key, query);
  }

  /** Whether the path with its first '(' at {@code open} (-1: none) is {@code Set} or {@code Set()}. */
  private static boolean isWholeSet(String resourcePath, int open) {
    return open < 0 || resourcePath.length() == open + 2 && resourcePath.endsWith("()");
  }

  /**
   * The target of an entity set {@code resourcePath} filtered by {@code filter} (decoded) in the shape
   * clients send most: {@code Prop eq guid'…'} or {@code Prop eq 'text'} (a GUID or string property; text
   * without quotes or spaces) joined by {@code and}, words apart by spaces; or null when only the full
   * parser may decide.
   */
  ResourceTarget parseFiltered(String resourcePath, String filter, List<String> nextLinkPairs) {
    int open = resourcePath.indexOf('(');
    EntityTypeModel type = resourcePath.indexOf('/') >= 0 || !isWholeSet(resourcePath, open) ? null
        : model.byEntitySet(open < 0 ? resourcePath : resourcePath.substring(0, open));
    List<String> words = words(filter);
    if (type == null || words == null || words.size() % 4 != 3) {
      return null;
    }
    int count = (words.size() + 1) / 4;
    int[] positions = new int[count];
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      int at = i * 4;
      if (i > 0 && !words.get(at - 1).equals("and") || !words.get(at + 1).equals("eq")) {
        return null;
      }
      PropertyModel property = type.property(words.get(at));
      Object value = property == null || !property.isPrimitive() ? null : filterLiteral(property, words.get(at + 2));
      if (value == null) {
        return null;
      }
      positions[i] = property.index();
      values[i] = value;
    }
    return ResourceTarget.entitySet(type, new ParsedQuery(CompiledExpressions.ofEqualities(positions, values),
        Selection.ALL, null, null, null, false, nextLinkPairs));
  }

  /** The words of {@code filter} apart by one space or more; null if it begins or ends with one. */
  private static List<String> words(String filter) {
    if (filter.isEmpty() || filter.charAt(0) == ' ' || filter.charAt(filter.length() - 1) == ' ') {
      return null;
    }
    List<String> words = new ArrayList<>(7);
    int start = 0;
    while (start < filter.length()) {
      int end = filter.indexOf(' ', start);
      end = end < 0 ? filter.length() : end;
      words.add(filter.substring(start, end));
      start = end;
      while (start < filter.length() && filter.charAt(start) == ' ') {
        start++;
      }
    }
    return words;
  }

  /** The value of a decoded {@code guid'…'} for a GUID property or {@code '…'} for a string one; else null. */
  private static Object filterLiteral(PropertyModel property, String literal) {
    if (property.kind() == EdmKind.GUID) {
      return guidLiteral(literal, LITERAL_QUOTE); // decoded already: a %27 left here is not a quote
    }
    if (property.kind() == EdmKind.STRING && literal.length() >= 2 && literal.startsWith(LITERAL_QUOTE)
        && literal.indexOf('\'', 1) == literal.length() - 1) {
      return literal.substring(1, literal.length() - 1);
    }
    return null;
  }

  private static EntityKey key(EntityTypeModel type, String predicate) {
    List<PropertyModel> keys = type.keys();
    Object[] values = new Object[keys.size()];
    int found = 0;
    int start = 0;
    while (start <= predicate.length()) {
      int comma = predicate.indexOf(',', start);
      int end = comma < 0 ? predicate.length() : comma;
      int eq = predicate.indexOf('=', start);
      if (eq < 0 || eq > end) {
        return null;
      }
      PropertyModel property = type.property(predicate.substring(start, eq));
      int position = property == null ? -1 : keys.indexOf(property);
      if (position < 0 || values[position] != null || property.kind() != EdmKind.GUID) {
        return null;
      }
      UUID value = guidLiteral(predicate.substring(eq + 1, end));
      if (value == null) {
        return null;
      }
      values[position] = value;
      found++;
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return found == keys.size() ? EntityKey.of(values) : null;
  }

  /** The GUID of {@code guid'…'} or {@code guid%27…%27} (a key in a path), or null for any other literal. */
  private static UUID guidLiteral(String literal) {
    UUID value = guidLiteral(literal, LITERAL_QUOTE);
    return value != null ? value : guidLiteral(literal, ENCODED_QUOTE);
  }

  /** The GUID of {@code guid}, {@code quote}, the GUID, {@code quote}; or null. */
  private static UUID guidLiteral(String literal, String quote) {
    if (literal.length() != 4 + 2 * quote.length() + 36 || !literal.startsWith("guid") || !literal.startsWith(quote, 4)
        || !literal.endsWith(quote)) {
      return null;
    }
    String text = literal.substring(4 + quote.length(), literal.length() - quote.length());
    return Guids.isGuid(text) ? UUID.fromString(text) : null;
  }
}
