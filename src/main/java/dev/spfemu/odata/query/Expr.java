package dev.spfemu.odata.query;

import dev.spfemu.model.EntityValues;

/** A compiled {@code $filter} or {@code $orderby} expression: its value for one entity (null is a value). */
@FunctionalInterface
public interface Expr {

  Object eval(EntityValues entity);
}
