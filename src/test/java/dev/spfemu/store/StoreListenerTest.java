package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The store tells its listener of every change, in apply order per entity (docs/design/data-dir.md). */
class StoreListenerTest {

  private static final String SUBSCRIPTION = "AE122D5F-3AAB-4D75-AD48-D6593246A49E";
  private static final String STORED_SUBSCRIPTION = SUBSCRIPTION.toLowerCase(java.util.Locale.ROOT);
  private static final String SET = "VMCheckPoints";

  private record Change(String subscription, String set, EntityRecord after, EntityKey key, long sequence) {
  }

  private final List<Change> changes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> clears = Collections.synchronizedList(new ArrayList<>());
  private final InMemoryEntityStore store = new InMemoryEntityStore(new StoreListener() {
    @Override
    public void changed(String subscription, String entitySet, EntityRecord after, EntityKey key, long sequence) {
      changes.add(new Change(subscription, entitySet, after, key, sequence));
    }

    @Override
    public void cleared(String subscription) {
      clears.add(String.valueOf(subscription));
    }
  });

  private static EntityRecord record(UUID id, Object value) {
    return new EntityRecord(EntityKey.of(id), new Object[] {id, value});
  }

  @Test
  void everyKindOfChangeIsToldWithItsAfterImageAndARisingSequence() {
    UUID id = UUID.randomUUID();
    EntityRecord created = record(id, "a");
    store.insert(SUBSCRIPTION, SET, created);
    EntityRecord updated = store.update(SUBSCRIPTION, SET, created.key(), r -> record(id, "b")).orElseThrow();
    EntityRecord put = record(id, "c");
    store.put(SUBSCRIPTION, SET, put);
    store.remove(SUBSCRIPTION, SET, created.key());

    assertEquals(4, changes.size());
    assertSame(created, changes.get(0).after());
    assertSame(updated, changes.get(1).after());
    assertSame(put, changes.get(2).after());
    assertNull(changes.get(3).after());
    for (int i = 0; i < 4; i++) {
      assertEquals(STORED_SUBSCRIPTION, changes.get(i).subscription());
      assertEquals(SET, changes.get(i).set());
      assertEquals(created.key(), changes.get(i).key());
      assertEquals(i + 1, changes.get(i).sequence());
    }
  }

  @Test
  void whatChangesNothingIsNotTold() {
    UUID id = UUID.randomUUID();
    EntityRecord created = record(id, "a");
    store.insert(SUBSCRIPTION, SET, created);
    changes.clear();

    assertFalse(store.insert(SUBSCRIPTION, SET, record(id, "taken")));
    assertTrue(store.update(SUBSCRIPTION, SET, EntityKey.of(UUID.randomUUID()), r -> r).isEmpty());
    assertTrue(store.remove(SUBSCRIPTION, SET, EntityKey.of(UUID.randomUUID())).isEmpty());
    assertThrows(IllegalStateException.class, () -> store.update(SUBSCRIPTION, SET, created.key(), r -> {
      throw new IllegalStateException("refused");
    }));
    assertTrue(changes.isEmpty(), changes::toString);
  }

  @Test
  void clearsAreTold() {
    store.clear(SUBSCRIPTION);
    store.clear();
    assertEquals(List.of(STORED_SUBSCRIPTION, "null"), clears);
  }

  @Test
  void indexesStayUpToDateWithAListener() {
    SecondaryIndex byValue = store.index(SET, 1);
    UUID id = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, record(id, "a"));
    store.update(SUBSCRIPTION, SET, EntityKey.of(id), r -> record(id, "b"));
    assertTrue(store.findBy(SUBSCRIPTION, byValue, EntityKey.of("a")).isEmpty());
    assertEquals(1, store.findBy(SUBSCRIPTION, byValue, EntityKey.of("b")).size());
  }

  @Test
  void forOneEntityAHigherSequenceIsALaterChange() throws Exception {
    UUID id = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, record(id, 0));
    int threads = 4;
    int perThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            store.update(SUBSCRIPTION, SET, EntityKey.of(id), r -> record(id, (Integer) r.value(1) + 1));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    List<Change> bySequence = new ArrayList<>(changes);
    bySequence.sort(Comparator.comparingLong(Change::sequence));
    for (int i = 0; i < bySequence.size(); i++) {
      assertEquals(i, bySequence.get(i).after().value(1)); // replaying by sequence gives each count in turn
    }
    assertEquals(threads * perThread, store.find(SUBSCRIPTION, SET, EntityKey.of(id)).orElseThrow().value(1));
  }
}
