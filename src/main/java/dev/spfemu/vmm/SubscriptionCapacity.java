package dev.spfemu.vmm;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.store.EntityStore;

/**
 * The most entities one subscription may hold, so that no client can fill the heap by creating
 * entities: a create in a full subscription is refused (400 {@code LimitExceeded}) before anything is
 * stored. Entities the server makes itself (jobs, a VM's adapters and disks) are not refused, but
 * count towards the next create.
 */
final class SubscriptionCapacity {

  private final EntityStore store;
  private final int limit;

  SubscriptionCapacity(EntityStore store, int limit) {
    this.store = store;
    this.limit = limit;
  }

  /** Throws {@code LimitExceeded} when {@code subscription} holds {@link #limit} entities or more. */
  void checkRoomFor(String subscription) {
    if (limit == Integer.MAX_VALUE || subscription == null) {
      return;
    }
    int count = store.count(subscription);
    if (count >= limit) {
      throw VmmErrors.limitExceeded("The number of entities in subscription " + subscription, limit,
          count + " already, so nothing more can be created", "--max-entities-per-subscription");
    }
  }
}
