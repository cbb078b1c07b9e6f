package dev.spfemu.store;

import java.util.Arrays;

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
    this.key = key;
    this.values = values.clone();
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
