package dev.spfemu.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The entities of one set in one subscription, by key, with the secondary indexes declared for the
 * set. Every change of an entity updates its index entries inside the map's own atomic operation on
 * that key, so changes of one entity apply one after the other, index included, and changes of
 * different entities never wait on each other. A set without indexes costs what a plain map costs.
 *
 * <p>A reader may meet an index entry a moment before or after the record it names changes; look-ups
 * therefore check each record's values again, so they never return an entity that does not match.
 */
final class EntityTable {

  private final Map<EntityKey, EntityRecord> records = new ConcurrentHashMap<>();
  private final List<SecondaryIndex> indexes;
  /** Per index (same order): the keys of the entities by their indexed values. */
  private final List<Map<EntityKey, Set<EntityKey>>> entries;
  /** Told of each change inside its atomic operation, or null (then sets without indexes take the fast paths). */
  private final Changed changed;

  /** What a table tells its store of a change of one entity ({@code after} null: removed). */
  interface Changed {
    void changed(EntityKey key, EntityRecord after);
  }

  EntityTable(List<SecondaryIndex> indexes) {
    this(indexes, null);
  }

  EntityTable(List<SecondaryIndex> indexes, Changed changed) {
    this.changed = changed;
    this.indexes = List.copyOf(indexes);
    List<Map<EntityKey, Set<EntityKey>>> maps = new ArrayList<>(indexes.size());
    for (int i = 0; i < indexes.size(); i++) {
      maps.add(new ConcurrentHashMap<>());
    }
    this.entries = List.copyOf(maps);
  }

  /** How many entities the table holds. */
  int size() {
    return records.size();
  }

  EntityRecord get(EntityKey key) {
    return records.get(key);
  }

  /** Stores a new entity; false if the key is taken. */
  boolean insert(EntityRecord record) {
    if (plain()) {
      return records.putIfAbsent(record.key(), record) == null;
    }
    boolean[] taken = new boolean[1];
    records.compute(record.key(), (key, current) -> {
      if (current != null) {
        taken[0] = true;
        return current;
      }
      index(null, record);
      tell(key, record);
      return record;
    });
    return !taken[0];
  }

  /** Replaces an entity with what {@code change} makes of it; null if there is none. */
  EntityRecord update(EntityKey key, UnaryOperator<EntityRecord> change) {
    if (plain()) {
      return records.computeIfPresent(key, (k, current) -> change.apply(current));
    }
    return records.computeIfPresent(key, (k, current) -> {
      EntityRecord next = change.apply(current);
      index(current, next);
      tell(k, next);
      return next;
    });
  }

  /** Stores an entity whatever was there. */
  void put(EntityRecord record) {
    if (plain()) {
      records.put(record.key(), record);
      return;
    }
    records.compute(record.key(), (key, current) -> {
      index(current, record);
      tell(key, record);
      return record;
    });
  }

  /** Removes an entity; returns it, or null if there was none. */
  EntityRecord remove(EntityKey key) {
    if (plain()) {
      return records.remove(key);
    }
    EntityRecord[] removed = new EntityRecord[1];
    records.computeIfPresent(key, (k, current) -> {
      index(current, null);
      tell(k, null);
      removed[0] = current;
      return null;
    });
    return removed[0];
  }

  List<EntityRecord> list() {
    return List.copyOf(records.values());
  }

  /** The entities whose values at the index's positions are {@code values}. */
  List<EntityRecord> findBy(SecondaryIndex index, EntityKey values) {
    int slot = indexes.indexOf(index);
    if (slot < 0) {
      throw new IllegalArgumentException(index + " is not declared for this set");
    }
    Set<EntityKey> keys = entries.get(slot).get(values);
    if (keys == null) {
      return List.of();
    }
    List<EntityRecord> found = new ArrayList<>(keys.size());
    for (EntityKey key : keys) {
      EntityRecord record = records.get(key);
      if (record != null && index.matches(record, values)) {
        found.add(record);
      }
    }
    return found;
  }

  /** Whether plain map operations do: no index to keep up to date and nobody to tell. */
  private boolean plain() {
    return indexes.isEmpty() && changed == null;
  }

  private void tell(EntityKey key, EntityRecord after) {
    if (changed != null) {
      changed.changed(key, after);
    }
  }

  /** Moves an entity's index entries from what {@code before} holds to what {@code after} holds (either may be null). */
  private void index(EntityRecord before, EntityRecord after) {
    for (int i = 0; i < indexes.size(); i++) {
      SecondaryIndex index = indexes.get(i);
      EntityKey was = before == null ? null : index.valuesOf(before);
      EntityKey is = after == null ? null : index.valuesOf(after);
      if (Objects.equals(was, is)) {
        continue; // O(1): most updates (a VM's task id, a job's progress) do not touch indexed values
      }
      Map<EntityKey, Set<EntityKey>> byValues = entries.get(i);
      if (was != null) {
        EntityKey key = before.key();
        byValues.computeIfPresent(was, (v, keys) -> {
          keys.remove(key);
          return keys.isEmpty() ? null : keys; // an empty bucket goes, so memory follows the entities
        });
      }
      if (is != null) {
        EntityKey key = after.key();
        byValues.compute(is, (v, keys) -> {
          Set<EntityKey> bucket = keys == null ? ConcurrentHashMap.newKeySet() : keys;
          bucket.add(key);
          return bucket;
        });
      }
    }
  }
}
