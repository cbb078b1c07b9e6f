package dev.spfemu.odata.edm;

/**
 * One property of an entity type.
 *
 * @param name the property name, as it appears in payloads
 * @param kind its EDM primitive type
 * @param nullable whether null is a valid value
 * @param index its position in the type's property order (and in stored value arrays)
 */
public record PropertyModel(String name, EdmKind kind, boolean nullable, int index) {
}
