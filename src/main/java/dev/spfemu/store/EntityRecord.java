package dev.spfemu.store;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One stored entity: its key and its property values in the model's property order. Immutable
 * (values are copied in and handed out only by index), so readers never see a half-made change.
 * Values are plain Java objects ({@code UUID}, {@code String}, {@code Boolean},
 * {@code OffsetDateTime}, ...); the store does not interpret them.
 *
 * <p>The values are kept in their compact {@link StoredForm} (a store holds millions of records)
 * and made again on each {@link #value}: equal to what was stored and of its class, but a new
 * object each time, so nobody may rely on a value's identity.
 */
public final class EntityRecord {

  private final EntityKey key;
  private final byte[] data;
  /** The values {@link StoredForm} keeps as objects, or null when there are none. */
  private final Object[] side;

  public EntityRecord(EntityKey key, Object[] values) {
    StoredForm.Encoded encoded = StoredForm.encode(key, values);
    this.key = key;
    this.data = encoded.data();
    this.side = encoded.side();
  }

  private EntityRecord(EntityKey key, byte[] data, Object[] side) {
    this.key = key;
    this.data = data;
    this.side = side; // never changed once made, so records may share it
  }

  /**
   * A copy of this record with the value at {@code index} replaced. A GUID replacing a GUID patches the
   * stored bytes instead of making and encoding every value again: a VM's {@code MostRecentTaskId}
   * changes on every job, and a VM has 134 values.
   */
  public EntityRecord with(int index, Object value) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(index);
    }
    if (value instanceof UUID id) {
      byte[] patched = StoredForm.withGuid(data, key, index, id);
      if (patched != null) {
        return new EntityRecord(key, patched, side);
      }
    }
    return changed(values -> values[index] = value);
  }

  /**
   * A copy of this record changed by {@code change}, which gets the copy's values (one copy, which
   * matters for types with a hundred properties changed on every request, such as a VM's task id).
   */
  public EntityRecord changed(Consumer<Object[]> change) {
    Object[] copy = values();
    change.accept(copy);
    return new EntityRecord(key, copy);
  }

  public EntityKey key() {
    return key;
  }

  public Object value(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(index);
    }
    return StoredForm.decode(data, side, key, index);
  }

  public int size() {
    return StoredForm.size(data);
  }

  /** A copy of the values, for building a changed record. */
  public Object[] values() {
    Object[] values = new Object[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = StoredForm.decode(data, side, key, i);
    }
    return values;
  }

  @Override
  public String toString() {
    return "EntityRecord" + key + Arrays.toString(values());
  }
}
