package dev.spfemu.store;

import java.util.Arrays;

/**
 * A secondary index of the store: the entities of one set found by their values at a few
 * positions, such as network adapters by {@code VMId} and {@code StampId}. The domain declares the
 * indexes it needs ({@link EntityStore#index}) so that following a relation costs one hash look-up
 * instead of a scan of the whole set; nothing else is indexed, so memory stays bounded by what the
 * relations need. An entity with a null value at any position is not indexed: null relates to
 * nothing.
 */
public final class SecondaryIndex {

  private final String entitySet;
  private final int[] positions;

  SecondaryIndex(String entitySet, int[] positions) {
    if (positions.length == 0) {
      throw new IllegalArgumentException("an index needs at least one position");
    }
    this.entitySet = entitySet;
    this.positions = positions.clone();
  }

  public String entitySet() {
    return entitySet;
  }

  /** Whether this index is over exactly these positions, in this order. */
  boolean covers(int[] other) {
    return Arrays.equals(positions, other);
  }

  int size() {
    return positions.length;
  }

  /** Whether {@code other} is over this index's positions and more after them (so this one can answer it). */
  boolean isPrefixOf(SecondaryIndex other) {
    return entitySet.equals(other.entitySet) && positions.length < other.positions.length
        && Arrays.equals(positions, 0, positions.length, other.positions, 0, positions.length);
  }

  /** The first values of {@code values}, as many as this index has positions. */
  EntityKey prefixOf(EntityKey values) {
    Object[] prefix = new Object[positions.length];
    for (int i = 0; i < prefix.length; i++) {
      prefix[i] = values.value(i);
    }
    return EntityKey.of(prefix);
  }

  /** The record's values at the index's positions, or null when one of them is null. */
  EntityKey valuesOf(EntityRecord record) {
    Object[] values = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      Object value = record.value(positions[i]);
      if (value == null) {
        return null;
      }
      values[i] = value;
    }
    return EntityKey.of(values);
  }

  /** Whether the record's values at the index's positions are {@code values}. */
  boolean matches(EntityRecord record, EntityKey values) {
    for (int i = 0; i < positions.length; i++) {
      if (!values.value(i).equals(record.value(positions[i]))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "SecondaryIndex" + entitySet + Arrays.toString(positions);
  }
}
