package dev.spfemu.odata.query;

/** For tests outside this package: the compiled {@code $filter} behind {@link CompiledExpressions}. */
public final class CompiledFilters {

  private CompiledFilters() {
  }

  /** The compiled filter (null without one); throws what compiling found. */
  public static Expr filterOf(CompiledExpressions expressions) {
    return expressions.filter();
  }
}
