package dev.spfemu.vmm.entity;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.KeyPredicate;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
  private final ReferenceCheck references;
  private final ChangeSets changes;

  public StoredSet(ServiceModel model, EntityTypeModel type, EntityStore store, IdGenerator ids, ServerClock clock,
      EntityRules rules, ChangeSets changes) {
    this.references = new ReferenceCheck(model, type, store);
    this.changes = changes;
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
   * is stored unless every check passes. Navigation properties are not read: related entities in
   * one (a deep insert) are ignored, as SPF creates an entity by running one VMM cmdlet with the
   * entity's own properties.
   */
  public EntityRecord create(String subscription, EntityPayload payload) {
    Object[] values = payload.values();
    for (PropertyModel required : type.requiredOnCreate()) {
      if (values[required.index()] == null) {
        throw VmmErrors.missingRequiredProperty(required.name(), type.qualifiedName());
      }
    }
    references.check(subscription, values);
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
    for (PropertyModel property : type.properties()) { // what a client echoes back is the server's to set
      if (type.isServerManaged(property)) {
        values[property.index()] = property.collection() ? List.of() : null;
      }
    }
    rules.onCreate(values, now());
    WriteOnlyValues.drop(type, values);
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
    recordCreated(subscription, record.key());
    return record;
  }

  /** The entity with {@code key}; 404 if there is none in this subscription. */
  public EntityRecord read(String subscription, EntityKey key) {
    return store.find(subscription, type.entitySet(), key)
        .orElseThrow(() -> VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key)));
  }

  /**
   * Changes an entity with merge semantics (MERGE, PATCH and PUT alike, as real SPF clients send
   * partial bodies even with PUT): only the properties in {@code payload} change, and of those only
   * the ones {@linkplain UpdateValues given} a value: a null, an empty collection or a complex
   * value's null member keeps what is stored, so a null for a key or a non-nullable property is no
   * error either. Keys given in the body must match the URL's; server-managed properties sent back
   * (the .NET 4 client sends the whole entity) are ignored. Navigation properties sent as null or
   * [] are ignored; related entities in one (a deep update) are refused, as WCF Data Services
   * refuses them.
   */
  public EntityRecord update(String subscription, EntityKey key, EntityPayload payload) {
    return update(subscription, key, payload, (before, after) -> { });
  }

  /** The same; {@code admit} sees the values before and after atomically: if it throws, nothing changes. */
  public EntityRecord update(String subscription, EntityKey key, EntityPayload payload,
      BiConsumer<EntityValues, EntityValues> admit) {
    List<NavigationModel> deep = payload.navigationWithEntities();
    if (!deep.isEmpty()) {
      throw VmmErrors.deepUpdateNotSupported(deep.get(0).name(), deep.get(0).target().entitySet());
    }
    for (PropertyModel property : type.keys()) { // a property left out is null: not given
      Object value = payload.value(property);
      if (value != null && !key.value(type.keys().indexOf(property)).equals(value)) {
        throw VmmErrors.keyMismatch(property.name(), keyPredicate(key));
      }
    }
    OffsetDateTime now = now();
    return change(subscription, key, current -> {
      Object[] before = current.values();
      Object[] values = current.values();
      for (PropertyModel property : type.properties()) {
        Object sent = payload.value(property);
        if (UpdateValues.given(sent) && !type.isKey(property) && !type.isServerManaged(property)
            && !type.isSecret(property)) {
          values[property.index()] = UpdateValues.merge(values[property.index()], sent);
        }
      }
      rules.onUpdate(before, values, now);
      EntityRecord changed = new EntityRecord(current.key(), values);
      admit.accept(current::value, changed::value);
      return changed;
    }).orElseThrow(() -> VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key)));
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
    recordCreated(subscription, record.key());
    return record;
  }

  /** Changes stored values in place of the server (job progress, a VM's status); empty if the entity is gone. */
  public Optional<EntityRecord> modify(String subscription, EntityKey key, Consumer<Object[]> change) {
    return change(subscription, key, current -> current.changed(change));
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
    EntityRecord removed = store.remove(subscription, type.entitySet(), key)
        .orElseThrow(() -> VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key)));
    recordReplaced(subscription, removed);
    return removed;
  }

  /** Removes an entity if it is there (a job dropped from the history). */
  public void discard(String subscription, EntityKey key) {
    store.remove(subscription, type.entitySet(), key).ifPresent(removed -> recordReplaced(subscription, removed));
  }

  /**
   * Records how to take back a change kept beside the stored records (a checkpoint tree's current
   * checkpoint), if this thread is in a change set.
   */
  public void onRollback(Runnable undo) {
    changes.onRollback(undo);
  }

  /** Replaces a stored record by what {@code change} makes of it (as {@link #modify}); empty if none. */
  public Optional<EntityRecord> change(String subscription, EntityKey key, UnaryOperator<EntityRecord> change) {
    if (!changes.recording()) { // else the record it replaces is kept for a change set's rollback
      return store.update(subscription, type.entitySet(), key, change);
    }
    EntityRecord[] before = new EntityRecord[1];
    Optional<EntityRecord> after = store.update(subscription, type.entitySet(), key, current -> {
      before[0] = current;
      return change.apply(current);
    });
    after.ifPresent(changed -> recordReplaced(subscription, before[0]));
    return after;
  }

  /** A rollback removes the entity created. */
  private void recordCreated(String subscription, EntityKey key) {
    changes.onRollback(() -> store.remove(subscription, type.entitySet(), key));
  }

  /** A rollback puts back the entity as it was before it changed or went. */
  private void recordReplaced(String subscription, EntityRecord before) {
    changes.onRollback(() -> store.put(subscription, type.entitySet(), before));
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

  /** The subscriptions that hold any entity (of any set). */
  public List<String> subscriptions() {
    return store.subscriptions();
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
