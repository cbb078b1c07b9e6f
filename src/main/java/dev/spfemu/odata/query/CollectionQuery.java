package dev.spfemu.odata.query;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.PropertyModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The query options of one collection request, built from what the URI parser compiled once and
 * applied to the entities:
 * {@code $filter}, then {@code $inlinecount}, then {@code $orderby} (ties broken by the key, so the
 * order is total), then {@code $skiptoken}, {@code $skip} and {@code $top}, then server-driven
 * paging. The skip token holds the sort values and key of the last entity sent, so the next page
 * starts right after it: nothing is lost or repeated even while entities are created in between.
 */
public final class CollectionQuery {

  private final Expr filter;
  private final List<SortKey> orderBy;
  private final Integer top;
  private final Integer skip;
  private final String skipToken;
  private final boolean inlineCount;
  private final int pageSize;

  private CollectionQuery(Builder builder) {
    this.filter = builder.expressions.filter();
    List<SortKey> keys = new ArrayList<>(builder.expressions.orderBy());
    for (PropertyModel key : builder.type.keys()) {
      int index = key.index();
      keys.add(new SortKey(entity -> entity.value(index), false));
    }
    this.orderBy = List.copyOf(keys);
    this.top = builder.top;
    this.skip = builder.skip;
    this.skipToken = builder.skipToken;
    this.inlineCount = builder.inlineCount;
    this.pageSize = builder.pageSize;
  }

  public static Builder builder(EntityTypeModel type) {
    return new Builder(type);
  }

  /** Whether an entity passes {@code $filter}. */
  public boolean matches(EntityValues entity) {
    return filter == null || ExpressionCompiler.isTrue(filter.eval(entity));
  }

  /** The number of entities that pass {@code $filter} (for {@code $count}). */
  public long count(List<? extends EntityValues> entities) {
    return entities.stream().filter(this::matches).count();
  }

  /** Applies every option to {@code entities} (in any order) and returns the page to send. */
  public QueryResult apply(List<? extends EntityValues> entities) {
    try {
      return applyUnchecked(entities);
    } catch (IllegalArgumentException | ClassCastException e) {
      // values an expression cannot compare or compute with (complex values, mixed types)
      throw VmmErrors.invalidQuery("The query cannot be evaluated: " + e.getMessage());
    }
  }

  private QueryResult applyUnchecked(List<? extends EntityValues> entities) {
    List<EntityValues> selected = new ArrayList<>(entities.size());
    for (EntityValues entity : entities) {
      if (matches(entity)) {
        selected.add(entity);
      }
    }
    Long count = inlineCount ? (long) selected.size() : null;
    List<Object[]> tuples = new ArrayList<>(selected.size());
    for (EntityValues entity : selected) {
      tuples.add(tuple(entity));
    }
    List<Integer> order = new ArrayList<>(selected.size());
    for (int i = 0; i < selected.size(); i++) {
      order.add(i);
    }
    Comparator<Object[]> byTuple = tupleOrder();
    order.sort((a, b) -> byTuple.compare(tuples.get(a), tuples.get(b)));

    int from = 0;
    if (skipToken != null) {
      Object[] after = parseSkipToken();
      try {
        while (from < order.size() && byTuple.compare(tuples.get(order.get(from)), after) <= 0) {
          from++;
        }
      } catch (IllegalArgumentException e) {
        throw invalidSkipToken(); // values of other types than this query sorts by
      }
    }
    if (skip != null) {
      from = (int) Math.min(order.size(), (long) from + skip);
    }
    int available = order.size() - from;
    int wanted = top == null ? available : Math.min(available, top);
    boolean cut = wanted > pageSize;
    int size = cut ? pageSize : wanted;
    List<EntityValues> page = new ArrayList<>(size);
    for (int i = from; i < from + size; i++) {
      page.add(selected.get(order.get(i)));
    }
    String nextToken = cut ? formatSkipToken(tuples.get(order.get(from + size - 1))) : null;
    Integer remainingTop = cut && top != null ? top - size : null;
    return new QueryResult(page, count, nextToken, remainingTop);
  }

  private Object[] tuple(EntityValues entity) {
    Object[] values = new Object[orderBy.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = orderBy.get(i).expr().eval(entity);
    }
    return values;
  }

  private Comparator<Object[]> tupleOrder() {
    return (a, b) -> {
      for (int i = 0; i < orderBy.size(); i++) {
        int c = Values.ORDER.compare(a[i], b[i]);
        if (c != 0) {
          return orderBy.get(i).descending() ? -c : c;
        }
      }
      return 0;
    };
  }

  private static String formatSkipToken(Object[] tuple) {
    StringBuilder token = new StringBuilder();
    for (Object value : tuple) {
      if (token.length() > 0) {
        token.append(',');
      }
      token.append(UriLiterals.format(value));
    }
    return token.toString();
  }

  private Object[] parseSkipToken() {
    try {
      List<String> literals = UriLiterals.split(skipToken);
      if (literals.size() != orderBy.size()) {
        throw invalidSkipToken();
      }
      Object[] tuple = new Object[literals.size()];
      for (int i = 0; i < tuple.length; i++) {
        tuple[i] = UriLiterals.parse(literals.get(i));
      }
      return tuple;
    } catch (ValueFormatException | IllegalArgumentException e) {
      throw invalidSkipToken();
    }
  }

  private ServiceException invalidSkipToken() {
    return VmmErrors.invalidQuery("The $skiptoken '" + skipToken + "' is not one this service issued for"
        + " this query; follow the next link as given.");
  }

  /** Collects the parsed options; {@link #build()} makes the query of them. */
  public static final class Builder {
    private final EntityTypeModel type;
    private CompiledExpressions expressions = CompiledExpressions.NONE;
    private Integer top;
    private Integer skip;
    private String skipToken;
    private boolean inlineCount;
    private int pageSize = Integer.MAX_VALUE;

    private Builder(EntityTypeModel type) {
      this.type = type;
    }

    /** {@code $filter} and {@code $orderby}, compiled for this builder's type. */
    public Builder expressions(CompiledExpressions expressions) {
      this.expressions = expressions;
      return this;
    }

    public Builder top(Integer top) {
      this.top = top;
      return this;
    }

    public Builder skip(Integer skip) {
      this.skip = skip;
      return this;
    }

    public Builder skipToken(String skipToken) {
      this.skipToken = skipToken;
      return this;
    }

    public Builder inlineCount(boolean inlineCount) {
      this.inlineCount = inlineCount;
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** The query; throws what compiling {@link #expressions} found, if anything. */
    public CollectionQuery build() {
      return new CollectionQuery(this);
    }
  }
}
