package dev.spfemu.odata.query;

import dev.spfemu.model.EntityValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code Property eq literal} conditions a compiled {@code $filter} requires of every entity it
 * keeps: those joined to the rest by {@code and} only, in any order and nesting. A store index on
 * these properties finds a superset of the answer without a scan; the whole filter then runs on that
 * superset alone. Only GUID and string literals count, for which OData's equality is Java's
 * {@code equals} (an index's hash look-up); numbers and date-times compare by value across types
 * ({@link Values#equal}), so an index could miss a match.
 */
final class FilterEqualities {

  private FilterEqualities() {
  }

  /** Property position → the value the filter requires there; empty if it requires none. */
  static Map<Integer, Object> of(Expr filter) {
    Map<Integer, Object> found = new LinkedHashMap<>();
    collect(filter, found);
    return Map.copyOf(found);
  }

  private static void collect(Expr expr, Map<Integer, Object> found) {
    if (expr instanceof Conjunction and) {
      collect(and.left(), found);
      collect(and.right(), found);
    } else if (expr instanceof Equality eq) {
      equality(eq.left(), eq.right(), found);
      equality(eq.right(), eq.left(), found);
    }
  }

  private static void equality(Expr property, Expr literal, Map<Integer, Object> found) {
    if (property instanceof PropertyValue p && literal instanceof Literal l
        && (l.value() instanceof UUID || l.value() instanceof String)) {
      // two values at one position match nothing; keeping the first is enough, as the filter still runs
      found.putIfAbsent(p.index(), l.value());
    }
  }

  /** A property's value: what an index can be looked up by. */
  record PropertyValue(int index) implements Expr {
    @Override
    public Object eval(EntityValues entity) {
      return entity.value(index);
    }
  }

  /** A literal: the same for every entity. */
  record Literal(Object value) implements Expr {
    @Override
    public Object eval(EntityValues entity) {
      return value;
    }
  }

  /** {@code eq}. */
  record Equality(Expr left, Expr right) implements Expr {
    @Override
    public Object eval(EntityValues entity) {
      return Values.equal(left.eval(entity), right.eval(entity));
    }
  }

  /** {@code and}: the right side is evaluated only when the left is true. */
  record Conjunction(Expr left, Expr right) implements Expr {
    @Override
    public Object eval(EntityValues entity) {
      return ExpressionCompiler.isTrue(left.eval(entity)) && ExpressionCompiler.isTrue(right.eval(entity));
    }
  }
}
