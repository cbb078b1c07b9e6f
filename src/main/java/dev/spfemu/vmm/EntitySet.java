package dev.spfemu.vmm;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.ArrayList;
import java.util.List;

/**
 * One entity set as the protocol side sees it: reads go to storage, changes through the set's
 * behaviour (VMM jobs and state machines where VMM has them). A failed {@code $batch} change set
 * takes its changes back through {@link Vmm#beginChangeSet()}.
 */
public final class EntitySet {

  private final StoredSet stored;
  private final EntityBehaviour behaviour;

  EntitySet(StoredSet stored, EntityBehaviour behaviour) {
    this.stored = stored;
    this.behaviour = behaviour;
  }

  public EntityTypeModel type() {
    return stored.type();
  }

  /**
   * Creates an entity from a request body.
   *
   * @param async whether the client asked for {@code RunAsynchronously}
   */
  public EntityRecord create(String subscription, EntityPayload payload, boolean async) {
    return behaviour.create(subscription, payload, async);
  }

  /** The entity with {@code key}; 404 if there is none in this subscription. */
  public EntityRecord read(String subscription, EntityKey key) {
    return stored.read(subscription, key);
  }

  /** Changes an entity with merge semantics: only the properties in {@code payload} change. */
  public void update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    behaviour.update(subscription, key, payload, async);
  }

  /** Deletes an entity (when its job completes) and returns what it was; 404 if there is none. */
  public EntityRecord delete(String subscription, EntityKey key, boolean async) {
    return behaviour.delete(subscription, key, async);
  }

  /** Every entity of the set in {@code subscription}, or in all of them when it is null, in no order. */
  public List<EntityRecord> list(String subscription) {
    return stored.list(subscription);
  }

  /**
   * Every entity of the set with the subscription that holds it, in {@code subscription} or in all of
   * them when it is null, in no order: what navigation from these entities needs.
   */
  public List<OwnedEntity> listOwned(String subscription) {
    if (subscription != null) {
      return owned(subscription, stored.list(subscription));
    }
    List<OwnedEntity> all = new ArrayList<>();
    for (String each : stored.subscriptions()) {
      all.addAll(owned(each, stored.list(each)));
    }
    return all;
  }

  private static List<OwnedEntity> owned(String subscription, List<EntityRecord> records) {
    List<OwnedEntity> owned = new ArrayList<>(records.size());
    for (EntityRecord record : records) {
      owned.add(new OwnedEntity(subscription, record));
    }
    return owned;
  }

  /** The subscription that holds the entity with {@code key}; 404 if none does. */
  public String ownerOf(EntityKey key) {
    return stored.ownerOf(key);
  }
}
