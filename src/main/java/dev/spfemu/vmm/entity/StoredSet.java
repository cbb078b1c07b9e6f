package dev.spfemu.vmm.entity;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.KeyPredicate;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ReferenceModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.IdGenerator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One entity set as stored: create (with the generic server rules), read by key, update with merge
 * semantics, delete, list, and the server's own changes. Generic over the model; what is particular
 * to a type comes in as {@link EntityRules}, what an operation does beyond storing as an
 * {@link EntityBehaviour} built on top.
 */
public final class StoredSet {

  private static final UUID EMPTY_GUID = new UUID(0, 0);
  private static final String SERVER_ASSIGNED_ID = "ID";
  private static final String STAMP = "StampId";

  private final EntityTypeModel type;
  private final EntityStore store;
  private final IdGenerator ids;
  private final ServerClock clock;
  private final EntityRules rules;
  private final ServiceModel model;

  public StoredSet(ServiceModel model, EntityTypeModel type, EntityStore store, IdGenerator ids, ServerClock clock,
      EntityRules rules) {
    this.model = model;
    this.type = type;
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.rules = rules;
  }

  public EntityTypeModel type() {
    return type;
  }

  /**
   * Creates an entity from a request payload: checks required values, assigns a fresh {@code ID}
   * when the client sent none or the empty GUID, applies the type's rules and stores it. Nothing
   * is stored unless every check passes.
   */
  public EntityRecord create(String subscription, EntityPayload payload) {
    Object[] values = payload.values();
    for (PropertyModel required : type.requiredOnCreate()) {
      if (values[required.index()] == null) {
        throw VmmErrors.missingRequiredProperty(required.name(), type.qualifiedName());
      }
    }
    checkReferences(subscription, values);
    PropertyModel id = type.property(SERVER_ASSIGNED_ID);
    if (id != null && id.kind() == EdmKind.GUID && type.keys().contains(id)) {
      Object sent = values[id.index()];
      if (sent == null || EMPTY_GUID.equals(sent)) {
        values[id.index()] = ids.next();
      }
    }
    for (PropertyModel property : type.properties()) {
      if (property.collection() && values[property.index()] == null) {
        values[property.index()] = List.of(); // a collection left out is empty, never null
      }
    }
    rules.onCreate(values, now());
    for (PropertyModel property : type.properties()) {
      if (!property.nullable() && values[property.index()] == null) {
        throw type.keys().contains(property)
            ? VmmErrors.missingRequiredProperty(property.name(), type.qualifiedName())
            : VmmErrors.nullNotAllowed(property.name(), type.qualifiedName());
      }
    }
    EntityRecord record = new EntityRecord(keyOf(values), values);
    if (!store.insert(subscription, type.entitySet(), record)) {
      throw VmmErrors.entityExists(type.entitySet(), keyPredicate(record));
    }
    return record;
  }

  /** The entity with {@code key}; 404 if there is none in this subscription. */
  public EntityRecord read(String subscription, EntityKey key) {
    return store.find(subscription, type.entitySet(), key)
        .orElseThrow(() -> VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key)));
  }

  /**
   * Changes an entity with merge semantics (MERGE, PATCH and PUT alike, as real SPF clients send
   * partial bodies even with PUT): only the properties in {@code payload} change. Keys in the body
   * must match the URL's; server-managed properties sent back (the .NET 4 client sends the whole
   * entity) are ignored.
   */
  public EntityRecord update(String subscription, EntityKey key, EntityPayload payload) {
    for (PropertyModel property : type.properties()) {
      if (!payload.isPresent(property)) {
        continue;
      }
      Object value = payload.value(property);
      if (type.isKey(property)) {
        if (!key.value(type.keys().indexOf(property)).equals(value)) {
          throw VmmErrors.keyMismatch(property.name(), keyPredicate(key));
        }
      } else if (value == null && !property.nullable() && !type.isServerManaged(property)) {
        throw VmmErrors.nullNotAllowed(property.name(), type.qualifiedName());
      }
    }
    OffsetDateTime now = now();
    return store.update(subscription, type.entitySet(), key, current -> {
      Object[] before = current.values();
      Object[] values = current.values();
      for (PropertyModel property : type.properties()) {
        if (payload.isPresent(property) && !type.isKey(property) && !type.isServerManaged(property)) {
          values[property.index()] = payload.value(property);
        }
      }
      rules.onUpdate(before, values, now);
      return new EntityRecord(current.key(), values);
    }).orElseThrow(() -> VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key)));
  }

  /** Refuses an entity whose references (a checkpoint's VMId) name nothing in its subscription and stamp. */
  private void checkReferences(String subscription, Object[] values) {
    PropertyModel stampProperty = type.property(STAMP);
    Object stamp = stampProperty == null ? null : values[stampProperty.index()];
    for (ReferenceModel reference : type.references()) {
      Object value = values[reference.property().index()];
      if (value != null && !exists(subscription, reference, value, stamp)) {
        throw VmmErrors.referenceNotFound(reference.property().name(), value, reference.entitySet(), stamp);
      }
    }
  }

  /** Whether an entity of the referenced set has {@code value} in one of the matching properties (same stamp). */
  private boolean exists(String subscription, ReferenceModel reference, Object value, Object stamp) {
    EntityTypeModel target = model.byEntitySet(reference.entitySet());
    List<PropertyModel> keys = target.keys();
    for (String name : reference.matchedBy()) {
      PropertyModel matched = target.property(name);
      boolean keyLookup = keys.size() == 2 && keys.get(0) == matched && keys.get(1).name().equals(STAMP);
      if (keyLookup && stamp != null) {
        if (store.find(subscription, target.entitySet(), EntityKey.of(value, stamp)).isPresent()) {
          return true;
        }
        continue;
      }
      PropertyModel targetStamp = target.property(STAMP);
      for (EntityRecord candidate : store.list(subscription, target.entitySet())) {
        if (value.equals(candidate.value(matched.index()))
            && (stamp == null || targetStamp == null || stamp.equals(candidate.value(targetStamp.index())))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Stores an entity the server makes itself (a job), values as given but for a fresh ID when none
   * is set; no rules, no checks.
   */
  public EntityRecord insert(String subscription, Object[] values) {
    PropertyModel id = type.property(SERVER_ASSIGNED_ID);
    if (id != null && values[id.index()] == null) {
      values[id.index()] = ids.next();
    }
    for (PropertyModel property : type.properties()) {
      if (property.collection() && values[property.index()] == null) {
        values[property.index()] = List.of();
      }
    }
    EntityRecord record = new EntityRecord(keyOf(values), values);
    store.put(subscription, type.entitySet(), record);
    return record;
  }

  /** Changes stored values in place of the server (job progress, a VM's status); empty if the entity is gone. */
  public Optional<EntityRecord> modify(String subscription, EntityKey key, Consumer<Object[]> change) {
    return store.update(subscription, type.entitySet(), key, current -> current.changed(change));
  }

  /** The entity with {@code key}, if any. */
  public Optional<EntityRecord> find(String subscription, EntityKey key) {
    return store.find(subscription, type.entitySet(), key);
  }

  /** A fresh GUID from the emulator's generator. */
  public UUID newId() {
    return ids.next();
  }

  /** The current time, as every server-set date (100 ns ticks, UTC). */
  public OffsetDateTime currentTime() {
    return now();
  }

  /** Deletes an entity and returns what it was; 404 if there is none. */
  public EntityRecord delete(String subscription, EntityKey key) {
    return store.remove(subscription, type.entitySet(), key)
        .orElseThrow(() -> VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key)));
  }

  /** Puts back an entity as it was (undoing an update or delete of a failed change set). */
  public void restore(String subscription, EntityRecord record) {
    store.put(subscription, type.entitySet(), record);
  }

  /** Removes an entity without a trace (undoing a create of a failed change set). */
  public void discard(String subscription, EntityKey key) {
    store.remove(subscription, type.entitySet(), key);
  }

  private OffsetDateTime now() {
    return clock.now();
  }

  /**
   * Every entity of the set in this subscription, or in all of them when {@code subscription} is null
   * (SPF's own root), in no particular order ({@code CollectionQuery} orders them).
   */
  public List<EntityRecord> list(String subscription) {
    if (subscription == null) {
      List<EntityRecord> all = new ArrayList<>();
      for (String each : store.subscriptions()) {
        all.addAll(store.list(each, type.entitySet()));
      }
      return all;
    }
    return store.list(subscription, type.entitySet());
  }

  /** The subscription that holds the entity with {@code key}; 404 if none does. */
  public String ownerOf(EntityKey key) {
    for (String subscription : store.subscriptions()) {
      if (store.find(subscription, type.entitySet(), key).isPresent()) {
        return subscription;
      }
    }
    throw VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key));
  }

  private EntityKey keyOf(Object[] values) {
    List<PropertyModel> keys = type.keys();
    Object[] key = new Object[keys.size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = values[keys.get(i).index()];
    }
    return EntityKey.of(key);
  }

  private String keyPredicate(EntityRecord record) {
    return KeyPredicate.of(type, record::value);
  }

  private String keyPredicate(EntityKey key) {
    Object[] values = new Object[type.propertyCount()];
    for (int i = 0; i < key.size(); i++) {
      values[type.keys().get(i).index()] = key.value(i);
    }
    return KeyPredicate.of(type, i -> values[i]);
  }
}
