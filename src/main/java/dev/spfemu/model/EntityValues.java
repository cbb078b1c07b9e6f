package dev.spfemu.model;

/**
 * Read access to an entity's property values by model index, so writers need not know how the
 * caller keeps them (a stored record, a payload being built).
 */
@FunctionalInterface
public interface EntityValues {

  Object value(int index);
}
