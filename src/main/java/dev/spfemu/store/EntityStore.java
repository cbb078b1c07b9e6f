package dev.spfemu.store;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where entities live, partitioned by subscription and entity set. Format-agnostic: it stores
 * values and relative keys, never URLs. Implementations must be safe under concurrent requests.
 */
public interface EntityStore {

  /** The entity with this key, if any. */
  Optional<EntityRecord> find(String subscription, String entitySet, EntityKey key);

  /**
   * Stores a new entity unless one with the same key exists.
   *
   * @return true if stored, false if the key was taken (nothing changed)
   */
  boolean insert(String subscription, String entitySet, EntityRecord record);

  /**
   * Replaces an entity with what {@code change} makes of it, atomically: concurrent updates of one
   * entity apply one after the other. If {@code change} throws, nothing changes.
   *
   * @return the new record, or empty if there is no entity with this key
   */
  Optional<EntityRecord> update(String subscription, String entitySet, EntityKey key,
      UnaryOperator<EntityRecord> change);

  /**
   * Removes an entity.
   *
   * @return the removed record, or empty if there was none
   */
  Optional<EntityRecord> remove(String subscription, String entitySet, EntityKey key);

  /** Stores an entity whatever was there before (to undo a change set that failed half-way). */
  void put(String subscription, String entitySet, EntityRecord record);

  /** Forgets every entity of every subscription. */
  void clear();

  /** Forgets every entity of one subscription. */
  void clear(String subscription);

  /** The subscriptions that hold anything (as stored: lower case). */
  List<String> subscriptions();

  /** How many entities one subscription holds, over all its sets (a moment's count under concurrent changes). */
  int count(String subscription);

  /** A snapshot of the entities of one set, in no particular order. */
  List<EntityRecord> list(String subscription, String entitySet);

  /**
   * Declares a secondary index: the entities of {@code entitySet} made findable by their values at
   * {@code positions} (property positions, in the order {@link #findBy} gives the values), kept up to
   * date by every change. Declaring the same index twice returns the first one. Declare indexes when
   * the store is empty: an index declared after entities of its set were stored would miss them.
   *
   * @throws IllegalStateException when entities of the set are already stored
   */
  SecondaryIndex index(String entitySet, int... positions);

  /**
   * The entities of the index's set in one subscription whose values at the index's positions equal
   * {@code values} (in the index's order), in no particular order; one look-up, no scan.
   */
  List<EntityRecord> findBy(String subscription, SecondaryIndex index, EntityKey values);

  /**
   * Where the changes to this store are grouped into units that are kept whole ({@code --data-dir}); by
   * default nowhere: a store in memory only.
   */
  default UnitOfWork units() {
    return UnitOfWork.NONE;
  }
}
