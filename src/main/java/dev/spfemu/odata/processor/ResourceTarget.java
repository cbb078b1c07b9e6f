package dev.spfemu.odata.processor;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.store.EntityKey;

/**
 * What a request's URI addresses and asks of it, parsed once, whichever parser found it: the
 * operations read this and nothing of Olingo's.
 *
 * @param kind the kind of resource
 * @param type the entity type of an entity set, entity or property, else null
 * @param key the key of an entity or property, else null
 * @param property the property of a property or {@code $value} request, else null
 * @param query the query options, parsed and compiled for {@code type}
 */
record ResourceTarget(Kind kind, EntityTypeModel type, EntityKey key, PropertyModel property, ParsedQuery query) {

  enum Kind {
    SERVICE_DOCUMENT,
    METADATA,
    BATCH,
    ENTITY_SET,
    /** {@code Set/$count}. */
    COUNT,
    ENTITY,
    /** {@code Set(key)/Property}. */
    PROPERTY,
    /** {@code Set(key)/Property/$value}. */
    PROPERTY_VALUE,
    /** Anything Olingo parses that the emulator does not serve (links, navigation, complex properties…). */
    OTHER
  }

  /** A resource without an entity type (service document, metadata, batch, or one not served). */
  static ResourceTarget of(Kind kind) {
    return new ResourceTarget(kind, null, null, null, ParsedQuery.NONE);
  }

  static ResourceTarget entitySet(EntityTypeModel type, ParsedQuery query) {
    return new ResourceTarget(Kind.ENTITY_SET, type, null, null, query);
  }

  static ResourceTarget entity(EntityTypeModel type, EntityKey key, ParsedQuery query) {
    return new ResourceTarget(Kind.ENTITY, type, key, null, query);
  }
}
