package dev.spfemu.odata.query;

/** One {@code $orderby} item: an expression and its direction. */
record SortKey(Expr expr, boolean descending) {
}
