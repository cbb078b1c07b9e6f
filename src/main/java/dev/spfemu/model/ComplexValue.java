package dev.spfemu.model;

import java.util.Arrays;

/**
 * The value of a complex property: its members' values in the complex type's property order.
 * Immutable, like every stored value; a collection is an unmodifiable {@code List}.
 */
public final class ComplexValue {

  private final ComplexTypeModel type;
  private final Object[] values;

  public ComplexValue(ComplexTypeModel type, Object[] values) {
    this.type = type;
    this.values = values.clone();
  }

  public ComplexTypeModel type() {
    return type;
  }

  public Object value(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ComplexValue that && type == that.type && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return type.name() + Arrays.toString(values);
  }
}
