package dev.spfemu.vmm.entity;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;

/**
 * What creating, changing and deleting an entity of one set does. Most sets only store
 * ({@link #storing}); virtual machines and checkpoints run VMM jobs and keep their state machines.
 */
public interface EntityBehaviour {

  /** @param async whether the client asked for {@code RunAsynchronously} */
  EntityRecord create(String subscription, EntityPayload payload, boolean async);

  void update(String subscription, EntityKey key, EntityPayload payload, boolean async);

  /** @return the entity as it was */
  EntityRecord delete(String subscription, EntityKey key, boolean async);

  /** Plain storage, for the sets without VMM behaviour. */
  static EntityBehaviour storing(StoredSet set) {
    return new EntityBehaviour() {
      @Override
      public EntityRecord create(String subscription, EntityPayload payload, boolean async) {
        return set.create(subscription, payload);
      }

      @Override
      public void update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
        set.update(subscription, key, payload);
      }

      @Override
      public EntityRecord delete(String subscription, EntityKey key, boolean async) {
        return set.delete(subscription, key);
      }
    };
  }
}
