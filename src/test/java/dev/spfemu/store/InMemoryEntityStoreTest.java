package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryEntityStoreTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String OTHER_SUBSCRIPTION = "0b6f1c61-5b4e-4d0f-9d55-2f1f3b0c9a11";
  private static final String SET = "VMCheckPoints";
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");

  private final InMemoryEntityStore store = new InMemoryEntityStore();

  private static EntityRecord record(UUID id, String name) {
    return new EntityRecord(EntityKey.of(id, STAMP), new Object[] {id, STAMP, name});
  }

  @Test
  void findsWhatWasInserted() {
    EntityRecord record = record(UUID.randomUUID(), "Checkpoint 1");

    assertTrue(store.insert(SUBSCRIPTION, SET, record));
    assertSame(record, store.find(SUBSCRIPTION, SET, record.key()).orElseThrow());
    assertEquals(List.of(record), store.list(SUBSCRIPTION, SET));
  }

  @Test
  void unknownKeysSetsAndSubscriptionsAreEmpty() {
    EntityRecord record = record(UUID.randomUUID(), "a");
    store.insert(SUBSCRIPTION, SET, record);

    assertTrue(store.find(SUBSCRIPTION, SET, EntityKey.of(UUID.randomUUID(), STAMP)).isEmpty());
    assertTrue(store.find(SUBSCRIPTION, "VirtualMachines", record.key()).isEmpty());
    assertTrue(store.find(OTHER_SUBSCRIPTION, SET, record.key()).isEmpty());
    assertTrue(store.list(SUBSCRIPTION, "VirtualMachines").isEmpty());
    assertTrue(store.list(OTHER_SUBSCRIPTION, SET).isEmpty());
  }

  @Test
  void insertOfAnExistingKeyKeepsTheOriginal() {
    UUID id = UUID.randomUUID();
    EntityRecord original = record(id, "original");

    assertTrue(store.insert(SUBSCRIPTION, SET, original));
    assertFalse(store.insert(SUBSCRIPTION, SET, record(id, "replacement")));
    assertSame(original, store.find(SUBSCRIPTION, SET, original.key()).orElseThrow());
    assertEquals(1, store.list(SUBSCRIPTION, SET).size());
  }

  @Test
  void subscriptionsAreIsolated() {
    UUID id = UUID.randomUUID();
    EntityRecord mine = record(id, "mine");
    EntityRecord theirs = record(id, "theirs");

    assertTrue(store.insert(SUBSCRIPTION, SET, mine));
    assertTrue(store.insert(OTHER_SUBSCRIPTION, SET, theirs));
    assertSame(mine, store.find(SUBSCRIPTION, SET, mine.key()).orElseThrow());
    assertSame(theirs, store.find(OTHER_SUBSCRIPTION, SET, mine.key()).orElseThrow());
  }

  @Test
  void subscriptionsCompareCaseInsensitively() {
    EntityRecord record = record(UUID.randomUUID(), "a");

    assertTrue(store.insert(SUBSCRIPTION.toUpperCase(), SET, record));
    assertSame(record, store.find(SUBSCRIPTION, SET, record.key()).orElseThrow());
    assertEquals(List.of(record), store.list(SUBSCRIPTION, SET));
    assertFalse(store.insert(SUBSCRIPTION, SET, record));
  }

  @Test
  void listIsASnapshot() {
    store.insert(SUBSCRIPTION, SET, record(UUID.randomUUID(), "a"));
    List<EntityRecord> before = store.list(SUBSCRIPTION, SET);

    store.insert(SUBSCRIPTION, SET, record(UUID.randomUUID(), "b"));

    assertEquals(1, before.size());
    assertEquals(2, store.list(SUBSCRIPTION, SET).size());
  }

  @Test
  void concurrentInsertsOfDistinctKeysAllLand() throws Exception {
    int count = 2000;
    List<Callable<Boolean>> inserts = new ArrayList<>();
    Set<EntityKey> keys = new HashSet<>();
    for (int i = 0; i < count; i++) {
      EntityRecord record = record(UUID.randomUUID(), "r" + i);
      keys.add(record.key());
      // Alternate the spelling so concurrent creation of the subscription's map is exercised too.
      String subscription = i % 2 == 0 ? SUBSCRIPTION : SUBSCRIPTION.toUpperCase();
      inserts.add(() -> store.insert(subscription, SET, record));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (Future<Boolean> result : pool.invokeAll(inserts)) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }

    List<EntityRecord> stored = store.list(SUBSCRIPTION, SET);
    assertEquals(count, stored.size());
    Set<EntityKey> storedKeys = new HashSet<>();
    stored.forEach(r -> storedKeys.add(r.key()));
    assertEquals(keys, storedKeys);
  }

  @Test
  void concurrentInsertsOfTheSameKeyHaveExactlyOneWinner() throws Exception {
    int threads = 16;
    UUID id = UUID.randomUUID();
    CountDownLatch start = new CountDownLatch(1);
    List<EntityRecord> contenders = new ArrayList<>();
    List<Future<Boolean>> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int i = 0; i < threads; i++) {
        EntityRecord record = record(id, "contender " + i);
        contenders.add(record);
        results.add(pool.submit(() -> {
          start.await();
          return store.insert(SUBSCRIPTION, SET, record);
        }));
      }
      start.countDown();
      int winners = 0;
      EntityRecord winner = null;
      for (int i = 0; i < threads; i++) {
        if (results.get(i).get()) {
          winners++;
          winner = contenders.get(i);
        }
      }

      assertEquals(1, winners);
      assertSame(winner, store.find(SUBSCRIPTION, SET, EntityKey.of(id, STAMP)).orElseThrow());
      assertEquals(1, store.list(SUBSCRIPTION, SET).size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void updateReplacesAtomicallyAndRemoveDeletes() throws Exception {
    UUID id = UUID.randomUUID();
    EntityKey key = EntityKey.of(id, STAMP);
    store.insert(SUBSCRIPTION, SET, new EntityRecord(key, new Object[] {id, STAMP, 0}));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> updates = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        updates.add(pool.submit(() -> store.update(SUBSCRIPTION, SET, key, current -> {
          Object[] values = current.values();
          values[2] = (Integer) values[2] + 1;
          return new EntityRecord(current.key(), values);
        })));
      }
      for (Future<?> update : updates) {
        update.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, store.find(SUBSCRIPTION, SET, key).orElseThrow().value(2));
    assertTrue(store.remove(SUBSCRIPTION, SET, key).isPresent());
    assertTrue(store.find(SUBSCRIPTION, SET, key).isEmpty());
    assertTrue(store.remove(SUBSCRIPTION, SET, key).isEmpty());
    assertTrue(store.update(SUBSCRIPTION, SET, key, current -> current).isEmpty());
    assertTrue(store.update(OTHER_SUBSCRIPTION, SET, key, current -> current).isEmpty());
  }

  @Test
  void aFailingUpdateChangesNothing() {
    UUID id = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, record(id, "kept"));
    EntityKey key = EntityKey.of(id, STAMP);
    assertThrows(IllegalStateException.class, () -> store.update(SUBSCRIPTION, SET, key, current -> {
      throw new IllegalStateException("refused");
    }));
    assertEquals("kept", store.find(SUBSCRIPTION, SET, key).orElseThrow().value(2));
  }
}
