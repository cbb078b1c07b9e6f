package dev.spfemu.odata.processor;

import dev.spfemu.odata.query.CompiledExpressions;
import java.util.List;
import java.util.Set;

/**
 * The query options of a request as the URI parser leaves them, for the read operations: the
 * expressions compiled, the rest as values, so nothing is parsed twice.
 *
 * @param expressions {@code $filter} and {@code $orderby}, compiled for the addressed type
 * @param select {@code $select}
 * @param top {@code $top}, or null
 * @param skip {@code $skip}, or null
 * @param skipToken {@code $skiptoken}, or null
 * @param inlineCount whether {@code $inlinecount=allpages} asks for the count
 * @param nextLinkPairs the query string's {@code name=value} pairs as the client encoded them, less
 *     those in {@link #CONSUMED_BY_PAGING}: the base of a next link, which keeps the client's
 *     {@code $filter}, {@code $orderby}, {@code $format} and so on
 */
record ParsedQuery(CompiledExpressions expressions, Selection select, Integer top, Integer skip, String skipToken,
    boolean inlineCount, List<String> nextLinkPairs) {

  /** The options a next link must not repeat: the skip token replaces them. */
  static final Set<String> CONSUMED_BY_PAGING = Set.of("$skiptoken", "$skip", "$top");

  /** No query string at all. */
  static final ParsedQuery NONE = new ParsedQuery(CompiledExpressions.NONE, Selection.ALL, null, null, null, false,
      List.of());

  ParsedQuery {
    nextLinkPairs = List.copyOf(nextLinkPairs);
  }

  /** No query options, but a query string a next link keeps (such as {@code $format}). */
  static ParsedQuery withoutOptions(List<String> nextLinkPairs) {
    return nextLinkPairs.isEmpty() ? NONE
        : new ParsedQuery(CompiledExpressions.NONE, Selection.ALL, null, null, null, false, nextLinkPairs);
  }
}
