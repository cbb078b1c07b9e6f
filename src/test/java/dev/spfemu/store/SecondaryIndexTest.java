package dev.spfemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The store's secondary indexes: network adapters (ID, StampId, VMId, Name) found by VMId and StampId,
 * kept right by every kind of change, per subscription.
 */
class SecondaryIndexTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String OTHER = "0b6f1c61-5b4e-4d0f-9d55-2f1f3b0c9a11";
  private static final String SET = "VirtualNetworkAdapters";
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  private static final int VM_ID = 2;

  private final InMemoryEntityStore store = new InMemoryEntityStore();
  private final SecondaryIndex byVm = store.index(SET, VM_ID, 1);

  private static EntityRecord adapter(UUID id, UUID vm, String name) {
    return new EntityRecord(EntityKey.of(id, STAMP), new Object[] {id, STAMP, vm, name});
  }

  private Set<String> namesOf(String subscription, UUID vm) {
    return store.findBy(subscription, byVm, EntityKey.of(vm, STAMP)).stream()
        .map(r -> (String) r.value(3)).collect(Collectors.toSet());
  }

  @Test
  void findsTheEntitiesWithTheIndexedValues() {
    UUID vm = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), vm, "a"));
    store.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), vm, "b"));
    store.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), UUID.randomUUID(), "other VM"));

    assertEquals(Set.of("a", "b"), namesOf(SUBSCRIPTION, vm));
    assertEquals(Set.of(), namesOf(SUBSCRIPTION, UUID.randomUUID()));
    assertEquals(List.of(), store.findBy(SUBSCRIPTION, byVm, EntityKey.of(vm, UUID.randomUUID())), "other stamp");
  }

  @Test
  void eachSubscriptionHasItsOwnEntries() {
    UUID vm = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), vm, "mine"));
    store.insert(OTHER, SET, adapter(UUID.randomUUID(), vm, "theirs"));

    assertEquals(Set.of("mine"), namesOf(SUBSCRIPTION, vm));
    assertEquals(Set.of("theirs"), namesOf(OTHER.toUpperCase(), vm), "subscriptions compare case-insensitively");
    store.clear(OTHER);
    assertEquals(Set.of(), namesOf(OTHER, vm));
    assertEquals(Set.of("mine"), namesOf(SUBSCRIPTION, vm));
  }

  @Test
  void updatesMoveAnEntityBetweenEntries() {
    UUID id = UUID.randomUUID();
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, adapter(id, first, "nic"));

    store.update(SUBSCRIPTION, SET, EntityKey.of(id, STAMP), r -> r.changed(v -> v[VM_ID] = second));
    assertEquals(Set.of(), namesOf(SUBSCRIPTION, first));
    assertEquals(Set.of("nic"), namesOf(SUBSCRIPTION, second));

    store.update(SUBSCRIPTION, SET, EntityKey.of(id, STAMP), r -> r.changed(v -> v[3] = "renamed"));
    assertEquals(Set.of("renamed"), namesOf(SUBSCRIPTION, second), "a change of other values keeps the entry");

    store.update(SUBSCRIPTION, SET, EntityKey.of(id, STAMP), r -> r.changed(v -> v[VM_ID] = null));
    assertEquals(Set.of(), namesOf(SUBSCRIPTION, second), "null relates to nothing");
  }

  @Test
  void aFailedUpdateLeavesTheIndexAsItWas() {
    UUID id = UUID.randomUUID();
    UUID vm = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, adapter(id, vm, "nic"));

    assertThrows(IllegalStateException.class, () -> store.update(SUBSCRIPTION, SET, EntityKey.of(id, STAMP), r -> {
      throw new IllegalStateException("refused");
    }));
    assertEquals(Set.of("nic"), namesOf(SUBSCRIPTION, vm));
  }

  @Test
  void removesPutsAndRefusedInsertsKeepTheIndexRight() {
    UUID id = UUID.randomUUID();
    UUID vm = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    store.insert(SUBSCRIPTION, SET, adapter(id, vm, "nic"));

    assertTrue(!store.insert(SUBSCRIPTION, SET, adapter(id, other, "duplicate")));
    assertEquals(Set.of("nic"), namesOf(SUBSCRIPTION, vm));
    assertEquals(Set.of(), namesOf(SUBSCRIPTION, other));

    store.put(SUBSCRIPTION, SET, adapter(id, other, "replaced"));
    assertEquals(Set.of(), namesOf(SUBSCRIPTION, vm));
    assertEquals(Set.of("replaced"), namesOf(SUBSCRIPTION, other));

    store.remove(SUBSCRIPTION, SET, EntityKey.of(id, STAMP));
    assertEquals(Set.of(), namesOf(SUBSCRIPTION, other));
    store.clear();
    assertEquals(Set.of(), namesOf(SUBSCRIPTION, other));
  }

  @Test
  void theSameIndexIsDeclaredOnceAndBeforeItsSetHoldsEntities() {
    assertSame(byVm, store.index(SET, VM_ID, 1));
    store.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), UUID.randomUUID(), "nic"));
    IllegalStateException late = assertThrows(IllegalStateException.class, () -> store.index(SET, 3));
    assertTrue(late.getMessage().contains("before storing"), late.getMessage());
    SecondaryIndex foreign = new InMemoryEntityStore().index(SET, 3);
    assertThrows(IllegalArgumentException.class, () -> store.findBy(SUBSCRIPTION, foreign, EntityKey.of("nic")),
        "an index this store did not declare");
  }

  @Test
  void concurrentChangesOfDifferentEntitiesAllLandInTheIndex() throws Exception {
    UUID vm = UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 250; i++) {
            UUID id = UUID.randomUUID();
            store.insert(SUBSCRIPTION, SET, adapter(id, vm, thread + "-" + i));
            if (i % 5 == 0) {
              store.remove(SUBSCRIPTION, SET, EntityKey.of(id, STAMP));
            }
          }
        }));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> expected = new HashSet<>();
    store.list(SUBSCRIPTION, SET).forEach(r -> expected.add((String) r.value(3)));
    assertEquals(800, expected.size());
    assertEquals(expected, namesOf(SUBSCRIPTION, vm));
  }

  @Test
  void anIndexOverAPrefixAnswersTheLongerOneWithOneEntryPerEntity() {
    InMemoryEntityStore prefixed = new InMemoryEntityStore();
    SecondaryIndex byVmAndStamp = prefixed.index(SET, VM_ID, 1);
    SecondaryIndex byVmOnly = prefixed.index(SET, VM_ID);
    SecondaryIndex byName = prefixed.index(SET, 3);
    UUID vm = UUID.randomUUID();
    UUID otherStamp = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    prefixed.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), vm, "a"));
    prefixed.insert(SUBSCRIPTION, SET, new EntityRecord(EntityKey.of(id, otherStamp),
        new Object[] {id, otherStamp, vm, "on another stamp"}));
    prefixed.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), UUID.randomUUID(), "other VM"));

    assertEquals(Set.of("a"), names(prefixed.findBy(SUBSCRIPTION, byVmAndStamp, EntityKey.of(vm, STAMP))));
    assertEquals(Set.of("on another stamp"), names(prefixed.findBy(SUBSCRIPTION, byVmAndStamp,
        EntityKey.of(vm, otherStamp))));
    assertEquals(Set.of(), names(prefixed.findBy(SUBSCRIPTION, byVmAndStamp, EntityKey.of(vm, UUID.randomUUID()))));
    assertEquals(Set.of("a", "on another stamp"), names(prefixed.findBy(SUBSCRIPTION, byVmOnly, EntityKey.of(vm))));
    EntityTable table = new EntityTable(List.of(byVmAndStamp, byVmOnly));
    assertEquals(List.of(byVmOnly), table.keptIndexes(), "one set of entries for both");
    assertEquals(List.of(byVmAndStamp, byName), new EntityTable(List.of(byVmAndStamp, byName)).keptIndexes(),
        "unrelated indexes keep their own");
  }

  @Test
  void manyEntitiesWithOneValueAreFoundUntilTheLastGoes() {
    UUID vm = UUID.randomUUID();
    List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      store.insert(SUBSCRIPTION, SET, adapter(id, vm, "nic " + i));
      store.insert(SUBSCRIPTION, SET, adapter(id, vm, "refused duplicate"));
    }
    assertEquals(1000, namesOf(SUBSCRIPTION, vm).size());
    for (int i = 0; i < 1000; i++) {
      store.remove(SUBSCRIPTION, SET, EntityKey.of(ids.get(i), STAMP));
      Set<String> left = namesOf(SUBSCRIPTION, vm);
      assertEquals(999 - i, left.size());
      if (i < 999) {
        assertTrue(left.contains("nic " + (i + 1)) && left.contains("nic 999"), "after removing " + i);
      }
    }
    store.insert(SUBSCRIPTION, SET, adapter(ids.get(0), vm, "back"));
    assertEquals(Set.of("back"), namesOf(SUBSCRIPTION, vm));
  }

  @Test
  void readersSeeEveryEntityThatStaysWhileOthersComeAndGo() throws Exception {
    UUID vm = UUID.randomUUID();
    Set<String> staying = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      store.insert(SUBSCRIPTION, SET, adapter(UUID.randomUUID(), vm, "stays " + i));
      staying.add("stays " + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < 5000; i++) {
          UUID id = UUID.randomUUID();
          store.insert(SUBSCRIPTION, SET, adapter(id, vm, "comes and goes"));
          store.remove(SUBSCRIPTION, SET, EntityKey.of(id, STAMP));
        }
      });
      Future<?> reader = pool.submit(() -> {
        while (!writer.isDone()) {
          Set<String> seen = namesOf(SUBSCRIPTION, vm);
          seen.remove("comes and goes");
          assertEquals(staying, seen);
        }
      });
      writer.get(60, TimeUnit.SECONDS);
      reader.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(staying, namesOf(SUBSCRIPTION, vm));
  }

  private static Set<String> names(List<EntityRecord> records) {
    return records.stream().map(r -> (String) r.value(3)).collect(Collectors.toSet());
  }
}
