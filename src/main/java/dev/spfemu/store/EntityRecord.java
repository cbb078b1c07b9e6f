package dev.spfemu.store;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One stored entity: its key and its property values in the model's property order. Immutable
 * (values are copied in and handed out only by index), so readers never see a half-made change.
 * Values are plain Java objects ({@code UUID}, {@code String}, {@code Boolean},
 * {@code OffsetDateTime}, ...); the store does not interpret them.
 */
public final class EntityRecord {

  private final EntityKey key;
  private final Object[] values;

  public EntityRecord(EntityKey key, Object[] values) {
    this(key, values.clone(), true);
  }

  /** Takes {@code values} as is: only for arrays nobody else holds. */
  private EntityRecord(EntityKey key, Object[] values, boolean owned) {
    this.key = key;
    this.values = values;
  }

  /**
   * A copy of this record changed by {@code change}, which gets the copy's values (one copy, which
   * matters for types with a hundred properties changed on every request, such as a VM's task id).
   */
  public EntityRecord changed(Consumer<Object[]> change) {
    Object[] copy = values.clone();
    change.accept(copy);
    return new EntityRecord(key, copy, true);
  }

  public EntityKey key() {
    return key;
  }

  public Object value(int index) {
    return values[index];
  }

  public int size() {
    return values.length;
  }

  /** A copy of the values, for building a changed record. */
  public Object[] values() {
    return values.clone();
  }

  @Override
  public String toString() {
    return "EntityRecord" + key + Arrays.toString(values);
  }
}
