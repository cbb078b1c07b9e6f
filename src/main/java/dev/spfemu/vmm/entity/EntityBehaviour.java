package dev.spfemu.vmm.entity;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.store.EntityKey;

/**
 * What creating, changing and deleting an entity of one set does. Most sets only store
 * ({@link #storing}); virtual machines and checkpoints run VMM jobs and keep their state machines.
 */
public interface EntityBehaviour {

  /**
   * @param async whether the client asked for {@code RunAsynchronously}
   * @return the entity as created, and the job that creates it if any
   */
  Outcome create(String subscription, EntityPayload payload, boolean async);

  /** @return the entity after the change (after its job, unless asynchronous), and the job if any */
  Outcome update(String subscription, EntityKey key, EntityPayload payload, boolean async);

  /** @return the entity as it was, and the job that deletes it if any */
  Outcome delete(String subscription, EntityKey key, boolean async);

  /** Plain storage, for the sets without VMM behaviour. */
  static EntityBehaviour storing(StoredSet set) {
    return new EntityBehaviour() {
      @Override
      public Outcome create(String subscription, EntityPayload payload, boolean async) {
        return Outcome.stored(set.create(subscription, payload));
      }

      @Override
      public Outcome update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
        return Outcome.stored(set.update(subscription, key, payload));
      }

      @Override
      public Outcome delete(String subscription, EntityKey key, boolean async) {
        return Outcome.stored(set.delete(subscription, key));
      }
    };
  }
}
