package dev.spfemu.odata.processor;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.StreamModel;
import dev.spfemu.store.EntityKey;

/**
 * What a request's URI addresses and asks of it, parsed once, whichever parser found it: the
 * operations read this and nothing of Olingo's.
 *
 * @param kind the kind of resource
 * @param type the entity type of the entities addressed (of an entity set, an entity, a property's
 *     entity, or what a navigation path leads to), else null
 * @param key the key of an entity or property addressed in its entity set, else null (a navigation
 *     path keeps its own keys)
 * @param property the property of a property or {@code $value} request, else null
 * @param query the query options, parsed and compiled for {@code type}
 * @param navigation the navigation segments of the path, or null when it has none
 * @param stream the named stream of a stream request, else null
 */
record ResourceTarget(Kind kind, EntityTypeModel type, EntityKey key, PropertyModel property, ParsedQuery query,
    NavigationPath navigation, StreamModel stream) {

  enum Kind {
    SERVICE_DOCUMENT,
    METADATA,
    BATCH,
    /** A collection: {@code Set}, or {@code Set(key)/ToMany}. */
    ENTITY_SET,
    /** {@code Set/$count}, {@code Set(key)/ToMany/$count}. */
    COUNT,
    /** {@code Set(key)}, {@code Set(key)/ToOne}, {@code Set(key)/ToMany(key)}. */
    ENTITY,
    /** {@code Set(key)/Property}, also after navigation segments. */
    PROPERTY,
    /** {@code Set(key)/Property/$value}. */
    PROPERTY_VALUE,
    /** {@code Set(key)/Stream}: an entity's named media stream ({@code VirtualMachines(…)/VMConnection}). */
    STREAM,
    /** {@code Set(key)/$links/Navigation}, with or without a key after a to-many navigation. */
    LINKS,
    /** Anything Olingo parses that the emulator does not serve (complex properties, counts of one entity…). */
    OTHER
  }

  ResourceTarget(Kind kind, EntityTypeModel type, EntityKey key, PropertyModel property, ParsedQuery query) {
    this(kind, type, key, property, query, null, null);
  }

  ResourceTarget(Kind kind, EntityTypeModel type, EntityKey key, PropertyModel property, ParsedQuery query,
      NavigationPath navigation) {
    this(kind, type, key, property, query, navigation, null);
  }

  /** The named stream {@code stream} of the entity {@code entity} addresses. */
  static ResourceTarget stream(ResourceTarget entity, StreamModel stream) {
    return new ResourceTarget(Kind.STREAM, entity.type(), entity.key(), null, entity.query(), entity.navigation(),
        stream);
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

  /** The type of the entity set the path starts in: the addressed type, or a navigation path's start. */
  EntityTypeModel origin() {
    return navigation == null ? type : navigation.start();
  }

  /** The key of the entity the path starts from: the addressed key, or a navigation path's start key. */
  EntityKey originKey() {
    return navigation == null ? key : navigation.startKey();
  }
}
