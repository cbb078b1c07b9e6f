package dev.spfemu.vmm;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.InMemoryEntityStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint's parent is the VM's current checkpoint, which the tree keeps: taking one must not list
 * the subscription's checkpoints (O(n) a create, quadratic over a load test), only finding the current
 * one of a VM the tree was never told of (a loaded world) does.
 */
class CheckpointListingTest {

  @Test
  void takingACheckpointOfAVmWhoseCurrentOneIsKnownListsNoCheckpoints() {
    AtomicInteger listings = new AtomicInteger();
    InMemoryEntityStore real = new InMemoryEntityStore();
    EntityStore counting = (EntityStore) Proxy.newProxyInstance(EntityStore.class.getClassLoader(),
        new Class<?>[] {EntityStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("list") && args.length == 2 && "VMCheckPoints".equals(args[1])) {
            listings.incrementAndGet();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    try (VmmFixture world = new VmmFixture(Duration.ZERO, Integer.MAX_VALUE, counting)) {
      EntityKey vm = world.createVm("web-01", false).key();
      EntitySet checkpoints = world.set("VMCheckPoints");
      checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", "first", "StampId", STAMP,
          "VMId", vm.value(0)), false);

      listings.set(0);
      for (int i = 0; i < 3; i++) {
        checkpoints.create(SUBSCRIPTION, world.payload("VMCheckPoints", "Name", "next " + i, "StampId", STAMP,
            "VMId", vm.value(0)), false);
      }
      assertEquals(0, listings.get(), "the tree knew the current checkpoint each time");
    }
  }
}
