package dev.spfemu.odata.processor;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.store.SecondaryIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** The in-memory store, counting list, find and findBy calls. */
final class CountingStore implements EntityStore {
  private final InMemoryEntityStore delegate = new InMemoryEntityStore();
  final Map<String, Integer> lists = new ConcurrentHashMap<>();
  final AtomicInteger findBy = new AtomicInteger();
  final AtomicInteger finds = new AtomicInteger();

  void reset() {
    lists.clear();
    findBy.set(0);
    finds.set(0);
  }

  @Override
  public Optional<EntityRecord> find(String subscription, String entitySet, EntityKey key) {
    finds.incrementAndGet();
    return delegate.find(subscription, entitySet, key);
  }

  @Override
  public int count(String subscription) {
    return delegate.count(subscription);
  }

  @Override
  public boolean insert(String subscription, String entitySet, EntityRecord record) {
    return delegate.insert(subscription, entitySet, record);
  }

  @Override
  public Optional<EntityRecord> update(String subscription, String entitySet, EntityKey key,
      UnaryOperator<EntityRecord> change) {
    return delegate.update(subscription, entitySet, key, change);
  }

  @Override
  public Optional<EntityRecord> remove(String subscription, String entitySet, EntityKey key) {
    return delegate.remove(subscription, entitySet, key);
  }

  @Override
  public void put(String subscription, String entitySet, EntityRecord record) {
    delegate.put(subscription, entitySet, record);
  }

  @Override
  public void clear() {
    delegate.clear();
  }

  @Override
  public void clear(String subscription) {
    delegate.clear(subscription);
  }

  @Override
  public List<String> subscriptions() {
    return delegate.subscriptions();
  }

  @Override
  public List<EntityRecord> list(String subscription, String entitySet) {
    lists.merge(entitySet, 1, Integer::sum);
    return delegate.list(subscription, entitySet);
  }

  @Override
  public SecondaryIndex index(String entitySet, int... positions) {
    return delegate.index(entitySet, positions);
  }

  @Override
  public List<EntityRecord> findBy(String subscription, SecondaryIndex index, EntityKey values) {
    findBy.incrementAndGet();
    return delegate.findBy(subscription, index, values);
  }
}
