package dev.spfemu.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  /** The indexes whose entries the table keeps (an index served by a prefix index has none of its own). */
  private final List<SecondaryIndex> kept;
  /** Per kept index (same order): the key of the one entity with those indexed values, or an {@link IndexBucket}. */
  private final List<Map<EntityKey, Object>> entries;
  /** Each declared index → the position in {@link #kept} of the index whose entries answer it. */
  private final Map<SecondaryIndex, Integer> answeredBy;
  /** Told of each change inside its atomic operation, or null (then sets without indexes take the fast paths). */
  private final Changed changed;

  /** What a table tells its store of a change of one entity ({@code after} null: removed). */
  interface Changed {
    void changed(EntityKey key, EntityRecord after);
  }

  EntityTable(List<SecondaryIndex> indexes) {
    this(indexes, null);
  }

  /**
   * An index whose positions begin with all of another's is answered by the shorter one's entries (its
   * look-ups check the remaining positions on each candidate), so the set keeps one entry per entity
   * for both: a checkpoint's index by {@code (VMId, StampId)} is answered by the one by {@code VMId}.
   * That costs nothing a look-up by the shorter index does not already cost.
   */
  EntityTable(List<SecondaryIndex> indexes, Changed changed) {
    this.changed = changed;
    List<SecondaryIndex> keep = new ArrayList<>();
    for (SecondaryIndex index : indexes) {
      if (indexes.stream().noneMatch(other -> other != index && other.isPrefixOf(index))) {
        keep.add(index);
      }
    }
    Map<SecondaryIndex, Integer> answering = new HashMap<>();
    for (SecondaryIndex index : indexes) {
      int best = -1;
      for (int i = 0; i < keep.size(); i++) {
        if ((keep.get(i) == index || keep.get(i).isPrefixOf(index))
            && (best < 0 || keep.get(i).size() < keep.get(best).size())) {
          best = i;
        }
      }
      answering.put(index, best);
    }
    this.kept = List.copyOf(keep);
    this.answeredBy = Map.copyOf(answering);
    List<Map<EntityKey, Object>> maps = new ArrayList<>(keep.size());
    for (int i = 0; i < keep.size(); i++) {
      maps.add(new ConcurrentHashMap<>());
    }
    this.entries = List.copyOf(maps);
  }

  /** The indexes whose entries the table keeps. */
  List<SecondaryIndex> keptIndexes() {
    return kept;
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
    Integer slot = answeredBy.get(index);
    if (slot == null) {
      throw new IllegalArgumentException(index + " is not declared for this set");
    }
    SecondaryIndex answering = kept.get(slot);
    Object found = entries.get(slot).get(answering == index ? values : answering.prefixOf(values));
    if (found == null) {
      return List.of();
    }
    if (found instanceof EntityKey key) {
      EntityRecord record = records.get(key);
      return record != null && index.matches(record, values) ? List.of(record) : List.of();
    }
    IndexBucket bucket = (IndexBucket) found;
    List<EntityRecord> matching = new ArrayList<>(bucket.size());
    bucket.forEach(key -> {
      EntityRecord record = records.get(key);
      if (record != null && index.matches(record, values)) {
        matching.add(record);
      }
    });
    return matching;
  }

  /** Whether plain map operations do: no index to keep up to date and nobody to tell. */
  private boolean plain() {
    return kept.isEmpty() && changed == null;
  }

  private void tell(EntityKey key, EntityRecord after) {
    if (changed != null) {
      changed.changed(key, after);
    }
  }

  /** Moves an entity's index entries from what {@code before} holds to what {@code after} holds (either may be null). */
  private void index(EntityRecord before, EntityRecord after) {
    for (int i = 0; i < kept.size(); i++) {
      SecondaryIndex index = kept.get(i);
      EntityKey was = before == null ? null : index.valuesOf(before);
      EntityKey is = after == null ? null : index.valuesOf(after);
      if (Objects.equals(was, is)) {
        continue; // O(1): most updates (a VM's task id, a job's progress) do not touch indexed values
      }
      Map<EntityKey, Object> byValues = entries.get(i);
      if (was != null) {
        EntityKey key = before.key();
        byValues.computeIfPresent(was, (v, keys) -> without(keys, key));
      }
      if (is != null) {
        EntityKey key = after.key();
        byValues.compute(is, (v, keys) -> with(keys, key));
      }
    }
  }

  /** An entry with {@code key} added: the key alone, or a bucket (changed in place: the caller holds its lock). */
  private static Object with(Object entry, EntityKey key) {
    if (entry == null || entry.equals(key)) {
      return key;
    }
    if (entry instanceof EntityKey single) {
      return new IndexBucket(single, key);
    }
    ((IndexBucket) entry).add(key);
    return entry;
  }

  /** An entry with {@code key} removed; null when none is left, so memory follows the entities. */
  private static Object without(Object entry, EntityKey key) {
    if (entry instanceof EntityKey single) {
      return single.equals(key) ? null : single;
    }
    IndexBucket bucket = (IndexBucket) entry;
    if (bucket.remove(key) && bucket.size() <= 1) {
      return bucket.size() == 0 ? null : bucket.single();
    }
    return bucket;
  }
}
