package dev.spfemu.store;

import java.util.List;
import java.util.Optional;

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

  /** A snapshot of the entities of one set, in no particular order. */
  List<EntityRecord> list(String subscription, String entitySet);
}
