package dev.spfemu.odata.query;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EntityTypeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.exception.ODataApplicationException;
import org.apache.olingo.odata2.api.uri.expression.ExceptionVisitExpression;
import org.apache.olingo.odata2.api.uri.expression.FilterExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderByExpression;
import org.apache.olingo.odata2.api.uri.expression.Visitable;

/**
 * The {@code $filter} and {@code $orderby} of one request, compiled for the addressed entity type
 * while its URI is parsed. Compiling there is what keeps the real values behind
 * {@link FilterLiterals}' date-time placeholders inside this package: they go into the closures and
 * nowhere else.
 *
 * <p>Olingo accepts some expressions that this service cannot evaluate (a member of a complex
 * property, say). Such an error is kept and thrown only when a {@link CollectionQuery} is built from
 * the expressions, where it has always been reported: a request that never applies its query (a
 * create, a delete, one refused with 405 or 406 first) answers as it would without it.
 */
public final class CompiledExpressions {

  /** Neither {@code $filter} nor {@code $orderby}. */
  public static final CompiledExpressions NONE = new CompiledExpressions(false, null, List.of(), null);

  private final boolean hasFilter;
  private final Expr filter;
  private final List<SortKey> orderBy;
  private final ServiceException error;

  private CompiledExpressions(boolean hasFilter, Expr filter, List<SortKey> orderBy, ServiceException error) {
    this.hasFilter = hasFilter;
    this.filter = filter;
    this.orderBy = orderBy;
    this.error = error;
  }

  /**
   * Compiles the expressions Olingo parsed (either may be null) after {@code literals} rewrote
   * them; the placeholders stand for the date-times {@code literals} kept.
   */
  public static CompiledExpressions compile(EntityTypeModel type, FilterExpression filter,
      OrderByExpression orderBy, FilterLiterals literals) {
    if (filter == null && orderBy == null) {
      return NONE;
    }
    ExpressionCompiler compiler = new ExpressionCompiler(type, literals.dateTimes());
    try {
      Expr compiledFilter = filter == null ? null : (Expr) accept(filter, compiler);
      List<SortKey> keys = new ArrayList<>();
      if (orderBy != null) {
        @SuppressWarnings("unchecked")
        List<SortKey> compiled = (List<SortKey>) accept(orderBy, compiler);
        keys.addAll(compiled);
      }
      return new CompiledExpressions(filter != null, compiledFilter, List.copyOf(keys), null);
    } catch (ServiceException e) {
      return new CompiledExpressions(filter != null, null, List.of(), e);
    }
  }

  /**
   * {@code P1 eq v1 and P2 eq v2 …}, the properties by position and the literals as values, compiled as
   * compiling Olingo's parse of that text gives it ({@code and} associates to the left): for a parser
   * that reads only this shape ({@code CanonicalPathParser}; {@code FilteredPathDifferentialTest} compares the two).
   */
  public static CompiledExpressions ofEqualities(int[] positions, Object[] values) {
    Expr filter = null;
    for (int i = 0; i < positions.length; i++) {
      Expr equality = new FilterEqualities.Equality(new FilterEqualities.PropertyValue(positions[i]),
          new FilterEqualities.Literal(values[i]));
      filter = filter == null ? equality : new FilterEqualities.Conjunction(filter, equality);
    }
    return new CompiledExpressions(true, filter, List.of(), null);
  }

  private static Object accept(Visitable expression, ExpressionCompiler compiler) {
    try {
      return expression.accept(compiler);
    } catch (ExceptionVisitExpression | ODataApplicationException e) {
      throw VmmErrors.invalidQuery(e.getMessage());
    } catch (StackOverflowError e) {
      // a long chain of binary operators is as deep as it is long, and visiting it recurses
      throw VmmErrors.invalidQuery("The $filter or $orderby expression is nested too deeply to be evaluated:"
          + " use fewer operators in a row.");
    }
  }

  /** Whether the request has a {@code $filter} (compiled or not). */
  public boolean hasFilter() {
    return hasFilter;
  }

  /** The compiled {@code $filter}, or null when there is none; throws what compiling found. */
  Expr filter() {
    if (error != null) {
      throw error;
    }
    return filter;
  }

  /**
   * Property position → value for each {@code Property eq 'literal'} (GUID or string) that the
   * {@code $filter} requires through {@code and} alone: what an index can find the candidates by.
   * Empty without a filter, or when compiling it failed (the query then reports why).
   */
  public Map<Integer, Object> filterEqualities() {
    return error != null || filter == null ? Map.of() : FilterEqualities.of(filter);
  }

  /** The compiled {@code $orderby} items, in order; throws what compiling found. */
  List<SortKey> orderBy() {
    if (error != null) {
      throw error;
    }
    return orderBy;
  }
}
