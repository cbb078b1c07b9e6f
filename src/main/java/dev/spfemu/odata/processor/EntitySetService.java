package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.EntityPayload;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.odata.edm.EdmKind;
import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.odata.edm.PropertyModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.IdGenerator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The operations on one entity set: create, read by key, list. Generic over the model; what is
 * particular to a type comes in as {@link CreateRules}.
 */
final class EntitySetService {

  private static final UUID EMPTY_GUID = new UUID(0, 0);
  private static final String SERVER_ASSIGNED_ID = "ID";

  private final EntityTypeModel type;
  private final EntityStore store;
  private final IdGenerator ids;
  private final Clock clock;
  private final CreateRules rules;
  private final Comparator<EntityRecord> keyOrder;

  EntitySetService(EntityTypeModel type, EntityStore store, IdGenerator ids, Clock clock, CreateRules rules) {
    this.type = type;
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.rules = rules;
    this.keyOrder = keyOrder(type);
  }

  EntityTypeModel type() {
    return type;
  }

  /**
   * Creates an entity from a request payload: checks required values, assigns a fresh {@code ID}
   * when the client sent none or the empty GUID, applies the type's rules and stores it. Nothing
   * is stored unless every check passes.
   */
  EntityRecord create(String subscription, EntityPayload payload) {
    Object[] values = payload.values();
    for (PropertyModel required : type.requiredOnCreate()) {
      if (values[required.index()] == null) {
        throw VmmErrors.missingRequiredProperty(required.name(), type.qualifiedName());
      }
    }
    PropertyModel id = type.property(SERVER_ASSIGNED_ID);
    if (id != null && id.kind() == EdmKind.GUID && type.keys().contains(id)) {
      Object sent = values[id.index()];
      if (sent == null || EMPTY_GUID.equals(sent)) {
        values[id.index()] = ids.next();
      }
    }
    rules.apply(values, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
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
  EntityRecord read(String subscription, EntityKey key) {
    return store.find(subscription, type.entitySet(), key)
        .orElseThrow(() -> VmmErrors.entityNotFound(type.entitySet(), keyPredicate(key)));
  }

  /** Every entity of the set in this subscription, in key order (GUIDs compared as .NET does). */
  List<EntityRecord> list(String subscription) {
    List<EntityRecord> records = new ArrayList<>(store.list(subscription, type.entitySet()));
    records.sort(keyOrder);
    return records;
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
    return ServiceUrls.entityPath(type, record::value).substring(type.entitySet().length());
  }

  private String keyPredicate(EntityKey key) {
    Object[] values = new Object[type.propertyCount()];
    for (int i = 0; i < key.size(); i++) {
      values[type.keys().get(i).index()] = key.value(i);
    }
    return ServiceUrls.entityPath(type, i -> values[i]).substring(type.entitySet().length());
  }

  /**
   * Orders records by their key values' text, which for GUIDs in their lower-case form is the
   * order .NET's {@code Guid.CompareTo} gives (unlike {@link UUID#compareTo}, which is signed).
   */
  private static Comparator<EntityRecord> keyOrder(EntityTypeModel type) {
    Comparator<EntityRecord> order = null;
    for (int i = 0; i < type.keys().size(); i++) {
      int position = i;
      Comparator<EntityRecord> next = Comparator.comparing(r -> r.key().value(position).toString());
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }
}
