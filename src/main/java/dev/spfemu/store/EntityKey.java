package dev.spfemu.store;

import java.util.Arrays;

/**
 * The key of a stored entity: its key property values in the model's key order (for most VMM
 * types {@code (ID, StampId)}). Immutable; the hash is computed once because every lookup uses it.
 */
public final class EntityKey {

  private final Object[] values;
  private final int hash;

  private EntityKey(Object[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  /** A key from values in key order; none may be null. */
  public static EntityKey of(Object... values) {
    Object[] copy = values.clone();
    for (Object value : copy) {
      if (value == null) {
        throw new IllegalArgumentException("key values cannot be null");
      }
    }
    return new EntityKey(copy);
  }

  public int size() {
    return values.length;
  }

  public Object value(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EntityKey that && hash == that.hash && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
