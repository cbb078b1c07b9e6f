package dev.spfemu.model;

import java.util.Objects;

/**
 * One property of an entity or complex type: a primitive, a complex value, or a collection of
 * either.
 *
 * @param name the property name, as it appears in payloads
 * @param kind its EDM primitive type, or of its elements for a primitive collection; null when complex
 * @param complex its complex type, or of its elements; null when primitive
 * @param collection whether it holds a collection
 * @param nullable whether null is a valid value
 * @param index its position in the type's property order (and in stored value arrays)
 */
public record PropertyModel(String name, EdmKind kind, ComplexTypeModel complex, boolean collection,
    boolean nullable, int index) {

  /** A primitive property. */
  public PropertyModel(String name, EdmKind kind, boolean nullable, int index) {
    this(name, kind, null, false, nullable, index);
  }

  // equals and hashCode are written out: a record's generated ones are bound through method handles on first
  // use, which spins classes at start-up (docs/performance.md, "Start-up"); these compare the same fields.
  @Override
  public boolean equals(Object other) {
    return other instanceof PropertyModel p && index == p.index && collection == p.collection
        && nullable == p.nullable && name.equals(p.name) && kind == p.kind && Objects.equals(complex, p.complex);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + index;
  }

  /** Whether this is a single primitive value (the only kind keys, filters and URIs deal in). */
  public boolean isPrimitive() {
    return !collection && complex == null;
  }

  /** The type as $metadata and annotations write it: {@code Edm.Guid}, {@code Collection(VMM.UserAndRole)}… */
  public String typeName() {
    String element = complex != null ? complex.qualifiedName() : kind.qualifiedName();
    return collection ? "Collection(" + element + ")" : element;
  }
}
