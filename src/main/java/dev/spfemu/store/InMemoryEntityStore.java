package dev.spfemu.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The default store: nested concurrent hash maps (subscription, then entity set, then key), so a
 * lookup is O(1) and requests for different entities never wait on one another. Subscription ids
 * are compared case-insensitively, as GUIDs are.
 */
public final class InMemoryEntityStore implements EntityStore {

  private final Map<String, Map<String, Map<EntityKey, EntityRecord>>> subscriptions =
      new ConcurrentHashMap<>();

  @Override
  public Optional<EntityRecord> find(String subscription, String entitySet, EntityKey key) {
    Map<EntityKey, EntityRecord> entities = existingTable(subscription, entitySet);
    return entities == null ? Optional.empty() : Optional.ofNullable(entities.get(key));
  }

  @Override
  public boolean insert(String subscription, String entitySet, EntityRecord record) {
    return table(subscription, entitySet).putIfAbsent(record.key(), record) == null;
  }

  @Override
  public Optional<EntityRecord> update(String subscription, String entitySet, EntityKey key,
      UnaryOperator<EntityRecord> change) {
    Map<EntityKey, EntityRecord> entities = existingTable(subscription, entitySet);
    return entities == null ? Optional.empty()
        : Optional.ofNullable(entities.computeIfPresent(key, (k, current) -> change.apply(current)));
  }

  @Override
  public void put(String subscription, String entitySet, EntityRecord record) {
    table(subscription, entitySet).put(record.key(), record);
  }

  @Override
  public Optional<EntityRecord> remove(String subscription, String entitySet, EntityKey key) {
    Map<EntityKey, EntityRecord> entities = existingTable(subscription, entitySet);
    return entities == null ? Optional.empty() : Optional.ofNullable(entities.remove(key));
  }

  @Override
  public void clear() {
    subscriptions.clear();
  }

  @Override
  public void clear(String subscription) {
    subscriptions.remove(normalize(subscription));
  }

  @Override
  public List<String> subscriptions() {
    return List.copyOf(subscriptions.keySet());
  }

  @Override
  public List<EntityRecord> list(String subscription, String entitySet) {
    Map<EntityKey, EntityRecord> entities = existingTable(subscription, entitySet);
    return entities == null ? List.of() : List.copyOf(entities.values());
  }

  /** The table of one set, or null if nothing was ever stored there (reads never create tables). */
  private Map<EntityKey, EntityRecord> existingTable(String subscription, String entitySet) {
    Map<String, Map<EntityKey, EntityRecord>> sets = subscriptions.get(normalize(subscription));
    return sets == null ? null : sets.get(entitySet);
  }

  private Map<EntityKey, EntityRecord> table(String subscription, String entitySet) {
    return subscriptions
        .computeIfAbsent(normalize(subscription), s -> new ConcurrentHashMap<>())
        .computeIfAbsent(entitySet, s -> new ConcurrentHashMap<>());
  }

  private static String normalize(String subscription) {
    return subscription.toLowerCase(Locale.ROOT);
  }
}
