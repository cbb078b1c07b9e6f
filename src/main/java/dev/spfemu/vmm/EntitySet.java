package dev.spfemu.vmm;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entity set as the protocol side sees it: reads go to storage, changes through the set's
 * behaviour (VMM jobs and state machines where VMM has them). A failed {@code $batch} change set
 * takes its changes back through {@link Vmm#beginChangeSet()}.
 */
public final class EntitySet {

  private final StoredSet stored;
  private final EntityBehaviour behaviour;
  private final Tenancy tenancy;
  private final Owners owners;
  private final SubscriptionCapacity capacity;
  private final FilterLookups lookups;

  EntitySet(StoredSet stored, EntityBehaviour behaviour, Tenancy tenancy, Owners owners,
      SubscriptionCapacity capacity, FilterLookups lookups) {
    this.lookups = lookups;
    this.owners = owners;
    this.capacity = capacity;
    this.stored = stored;
    this.behaviour = behaviour;
    this.tenancy = tenancy;
  }

  /** A set of another SPF web service's domain (the Admin service's), built from the same parts. */
  public static EntitySet of(StoredSet stored, EntityBehaviour behaviour) {
    return new EntitySet(stored, behaviour, null, null, null, null);
  }

  public EntityTypeModel type() {
    return stored.type();
  }

  /**
   * Creates an entity from a request body; the change says which VMM job creates it, if any.
   *
   * @param async whether the client asked for {@code RunAsynchronously}
   */
  public Change create(String subscription, EntityPayload payload, boolean async) {
    return create(subscription, payload, async, null);
  }

  /**
   * Creates an entity for a caller: a VM's or VM network's null Owner members become the caller
   * ({@code principal}) and the subscription's user role.
   *
   * @param principal the caller's {@code x-ms-principal-id}, or null
   */
  public Change create(String subscription, EntityPayload payload, boolean async, String principal) {
    if (capacity != null) {
      capacity.checkRoomFor(subscription);
    }
    if (owners != null) {
      owners.fill(subscription, payload, principal);
    }
    return Change.of(behaviour.create(subscription, payload, async));
  }

  /**
   * The subscription an entity created from {@code payload} belongs to when the request names none
   * (a root that sees every subscription): the one holding what it hangs off on its stamp (a VM's
   * cloud, a checkpoint's VM), else the one its {@code Owner.RoleID} or {@code principal} names.
   *
   * @param principal the caller's {@code x-ms-principal-id}, or null
   * @throws dev.spfemu.error.ServiceException 400 {@code SubscriptionUnknown}, saying what to send
   */
  public String subscriptionFor(EntityPayload payload, String principal) {
    if (tenancy == null) {
      throw new IllegalStateException(type().entitySet() + " belongs to a service without subscriptions");
    }
    return tenancy.subscriptionFor(type(), payload, principal);
  }

  /** The entity with {@code key}; 404 if there is none in this subscription. */
  public EntityRecord read(String subscription, EntityKey key) {
    return stored.read(subscription, key);
  }

  /**
   * Changes an entity with merge semantics: only the properties in {@code payload} change, and a
   * null among them changes nothing (see {@code StoredSet#update}). The change holds the entity as
   * it is afterwards (after the job, unless it runs asynchronously).
   */
  public Change update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    return Change.of(behaviour.update(subscription, key, payload, async));
  }

  /** Deletes an entity (when its job completes); the change holds what it was. 404 if there is none. */
  public Change delete(String subscription, EntityKey key, boolean async) {
    return Change.of(behaviour.delete(subscription, key, async));
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

  /**
   * The entities of {@link #listOwned} whose values at some positions are the given ones (position →
   * GUID or string), found by key or through an index without listing the set: at least every such
   * entity, in the same subscriptions and their order, maybe more (the caller's filter decides). Empty
   * when no key or index covers these positions: then only {@link #listOwned} finds them.
   */
  public Optional<List<OwnedEntity>> listOwnedWith(String subscription, Map<Integer, Object> equal) {
    if (lookups == null) {
      return Optional.empty();
    }
    return lookups.find(type(), subscription != null ? List.of(subscription) : stored.subscriptions(), equal);
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
