package dev.spfemu.vmm.role;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A subscription's VMM user role, as WAP makes it: the {@code UserRoles} entity whose ID is the
 * subscription's, else the subscription's only user role, else none. A new VM's {@code Owner} names
 * it, and the subscription's quotas are that role's.
 */
public final class SubscriptionRoles {

  private static final String ROLES = "UserRoles";

  private final EntityStore store;

  public SubscriptionRoles(EntityStore store) {
    this.store = store;
  }

  /** The subscription's user role, if it has one (one with its ID, or its only one). */
  public Optional<EntityRecord> of(String subscription) {
    try {
      Optional<EntityRecord> same = store.find(subscription, ROLES, EntityKey.of(UUID.fromString(subscription.trim())));
      if (same.isPresent()) {
        return same;
      }
    } catch (IllegalArgumentException notAGuid) {
      // a subscription whose ID is no GUID has no role of the same ID
    }
    List<EntityRecord> roles = store.list(subscription, ROLES);
    return roles.size() == 1 ? Optional.of(roles.get(0)) : Optional.empty();
  }

  /** The ID of the subscription's user role, or null if it has none. */
  public UUID idOf(String subscription) {
    return of(subscription).map(role -> (UUID) role.key().value(0)).orElse(null);
  }
}
