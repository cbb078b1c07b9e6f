package dev.spfemu.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The default store: nested concurrent hash maps (subscription, then entity set, then key), so a
 * lookup is O(1) and requests for different entities never wait on one another. Subscription ids
 * are compared case-insensitively, as GUIDs are. Each set of each subscription is an
 * {@link EntityTable}, which also holds the set's secondary indexes, so clearing a subscription
 * clears its index entries with it.
 */
public final class InMemoryEntityStore implements EntityStore {

  private final Map<String, Map<String, EntityTable>> subscriptions = new ConcurrentHashMap<>();
  /** The indexes declared per entity set (immutable lists, replaced when one is added). */
  private final Map<String, List<SecondaryIndex>> indexes = new ConcurrentHashMap<>();
  private final StoreListener listener;
  private final UnitOfWork units;
  /** The sequence of changes {@link #listener} is given, drawn inside each change's atomic operation. */
  private final AtomicLong sequence = new AtomicLong();

  /** A store that tells nobody of its changes. */
  public InMemoryEntityStore() {
    this(StoreListener.NONE, UnitOfWork.NONE);
  }

  /** A store that tells {@code listener} of every change (docs/design/data-dir.md). */
  public InMemoryEntityStore(StoreListener listener) {
    this(listener, UnitOfWork.NONE);
  }

  /** A store that tells {@code listener} of every change, grouped into the {@code units} its users open. */
  public InMemoryEntityStore(StoreListener listener, UnitOfWork units) {
    this.listener = listener;
    this.units = units;
  }

  @Override
  public UnitOfWork units() {
    return units;
  }

  /**
   * Continues the sequence of changes after {@code last} at least (a restart goes on from the sequence
   * numbers its change log holds, so a change made now orders after every change replayed).
   */
  public void continueSequenceAfter(long last) {
    sequence.accumulateAndGet(last, Math::max);
  }

  /** The sequence number of the latest change told to the listener. */
  public long lastSequence() {
    return sequence.get();
  }

  @Override
  public Optional<EntityRecord> find(String subscription, String entitySet, EntityKey key) {
    EntityTable entities = existingTable(subscription, entitySet);
    return entities == null ? Optional.empty() : Optional.ofNullable(entities.get(key));
  }

  @Override
  public boolean insert(String subscription, String entitySet, EntityRecord record) {
    return table(subscription, entitySet).insert(record);
  }

  @Override
  public Optional<EntityRecord> update(String subscription, String entitySet, EntityKey key,
      UnaryOperator<EntityRecord> change) {
    EntityTable entities = existingTable(subscription, entitySet);
    return entities == null ? Optional.empty() : Optional.ofNullable(entities.update(key, change));
  }

  @Override
  public void put(String subscription, String entitySet, EntityRecord record) {
    table(subscription, entitySet).put(record);
  }

  @Override
  public Optional<EntityRecord> remove(String subscription, String entitySet, EntityKey key) {
    EntityTable entities = existingTable(subscription, entitySet);
    return entities == null ? Optional.empty() : Optional.ofNullable(entities.remove(key));
  }

  @Override
  public void clear() {
    subscriptions.clear();
    listener.cleared(null);
  }

  @Override
  public void clear(String subscription) {
    subscriptions.remove(normalize(subscription));
    listener.cleared(normalize(subscription));
  }

  @Override
  public List<String> subscriptions() {
    return List.copyOf(subscriptions.keySet());
  }

  @Override
  public int count(String subscription) {
    Map<String, EntityTable> sets = subscriptions.get(normalize(subscription));
    long count = 0;
    if (sets != null) {
      for (EntityTable table : sets.values()) {
        count += table.size();
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  @Override
  public List<EntityRecord> list(String subscription, String entitySet) {
    EntityTable entities = existingTable(subscription, entitySet);
    return entities == null ? List.of() : entities.list();
  }

  @Override
  public SecondaryIndex index(String entitySet, int... positions) {
    for (Map<String, EntityTable> sets : subscriptions.values()) {
      if (sets.containsKey(entitySet)) {
        throw new IllegalStateException("declare the indexes of " + entitySet + " before storing its entities");
      }
    }
    SecondaryIndex[] declared = new SecondaryIndex[1];
    indexes.compute(entitySet, (set, existing) -> {
      List<SecondaryIndex> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
      for (SecondaryIndex index : all) {
        if (index.covers(positions)) {
          declared[0] = index;
          return existing;
        }
      }
      declared[0] = new SecondaryIndex(entitySet, positions);
      all.add(declared[0]);
      return List.copyOf(all);
    });
    return declared[0];
  }

  @Override
  public List<EntityRecord> findBy(String subscription, SecondaryIndex index, EntityKey values) {
    EntityTable entities = existingTable(subscription, index.entitySet());
    return entities == null ? List.of() : entities.findBy(index, values);
  }

  /** The table of one set, or null if nothing was ever stored there (reads never create tables). */
  private EntityTable existingTable(String subscription, String entitySet) {
    Map<String, EntityTable> sets = subscriptions.get(normalize(subscription));
    return sets == null ? null : sets.get(entitySet);
  }

  private EntityTable table(String subscription, String entitySet) {
    return subscriptions
        .computeIfAbsent(normalize(subscription), s -> new ConcurrentHashMap<>())
        .computeIfAbsent(entitySet, set -> new EntityTable(indexes.getOrDefault(set, List.of()),
            listener == StoreListener.NONE ? null : (key, after) -> listener.changed(normalize(subscription), set,
                after, key, sequence.incrementAndGet())));
  }

  private static String normalize(String subscription) {
    return subscription.toLowerCase(Locale.ROOT);
  }
}
