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
    checked(index);
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
    return StoredForm.decode(data, side, key, checked(index));
  }

  /**
   * The GUID at {@code index} as its most and least significant bits in {@code bits[0]} and
   * {@code bits[1]}, without making a UUID (a feed's writer reads thousands); false when the value
   * there is not a GUID, null included.
   */
  public boolean guid(int index, long[] bits) {
    return StoredReads.guid(data, key, checked(index), bits);
  }

  /**
   * The time at {@code index} as its epoch second, nano of second and offset in seconds in
   * {@code parts[0..2]}, without making an {@code OffsetDateTime}; false when it is not a time.
   */
  public boolean time(int index, long[] parts) {
    return StoredReads.time(data, checked(index), parts);
  }

  /**
   * Copies the string at {@code index} into {@code chars} when it is kept as Latin-1 and fits, and
   * answers its length; else -1 (null, another class, a string of other chars or a longer one).
   */
  public int latin1(int index, char[] chars) {
    return StoredReads.latin1(data, checked(index), chars);
  }

  private int checked(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(index);
    }
    return index;
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
