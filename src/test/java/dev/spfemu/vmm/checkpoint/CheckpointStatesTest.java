package dev.spfemu.vmm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spfemu.vmm.machine.VmState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckpointStatesTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String OTHER = "0b6f1c61-5b4e-4d0f-9d55-2f1f3b0c9a11";

  private final CheckpointStates states = new CheckpointStates();

  @Test
  void keepsEachCheckpointsStatePerSubscription() {
    UUID id = UUID.randomUUID();
    states.put(SUBSCRIPTION, id, VmState.RUNNING);
    states.put(OTHER, id, VmState.SAVED);

    assertEquals(VmState.RUNNING, states.get(SUBSCRIPTION, id));
    assertEquals(VmState.SAVED, states.get(OTHER, id));
    assertNull(states.get(SUBSCRIPTION, UUID.randomUUID()));
    assertNull(states.get(SUBSCRIPTION.toUpperCase(), id), "as the subscription was given");

    states.put(SUBSCRIPTION, id, VmState.POWER_OFF);
    assertEquals(VmState.POWER_OFF, states.get(SUBSCRIPTION, id), "a second put replaces");
  }

  @Test
  void manyEntriesWithRemovalsInAnyOrderStayFindable() {
    Random random = new Random(13);
    List<UUID> ids = new ArrayList<>();
    VmState[] all = VmState.values();
    for (int i = 0; i < 20_000; i++) {
      // IDs that differ in few bits collide in the table's slots more than random ones
      UUID id = i % 2 == 0 ? UUID.randomUUID() : new UUID(i / 64, i % 64);
      ids.add(id);
      states.put(SUBSCRIPTION, id, all[i % all.length]);
    }
    Set<Integer> removed = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (random.nextInt(3) == 0) {
        states.remove(SUBSCRIPTION, ids.get(i));
        removed.add(i);
      }
    }
    states.remove(SUBSCRIPTION, UUID.randomUUID());
    for (int i = 0; i < ids.size(); i++) {
      VmState expected = removed.contains(i) ? null : all[i % all.length];
      assertEquals(expected, states.get(SUBSCRIPTION, ids.get(i)), "entry " + i);
    }
  }

  @Test
  void clearsOneSubscriptionWhateverItsCaseOrAll() {
    UUID id = UUID.randomUUID();
    states.put(SUBSCRIPTION, id, VmState.RUNNING);
    states.put(OTHER.toUpperCase(), id, VmState.RUNNING);

    states.clear(OTHER);
    assertNull(states.get(OTHER.toUpperCase(), id));
    assertEquals(VmState.RUNNING, states.get(SUBSCRIPTION, id));
    states.clear();
    assertNull(states.get(SUBSCRIPTION, id));
  }
}
