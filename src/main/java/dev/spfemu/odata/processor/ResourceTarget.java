package dev.spfemu.odata.processor;

import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.store.EntityKey;
import org.apache.olingo.odata2.core.uri.UriInfoImpl;

/**
 * What a resource path addresses, whichever parser found it.
 *
 * @param kind the kind of resource
 * @param type the entity type of an entity set or entity, else null
 * @param key the key of an entity, else null
 * @param uriInfo Olingo's parse, for query options; null when the fast path parsed the path
 */
record ResourceTarget(Kind kind, EntityTypeModel type, EntityKey key, UriInfoImpl uriInfo) {

  enum Kind {
    SERVICE_DOCUMENT,
    METADATA,
    BATCH,
    ENTITY_SET,
    ENTITY,
    /** Anything Olingo parses that the emulator does not serve yet (properties, $count, links…). */
    OTHER
  }

  static ResourceTarget entitySet(EntityTypeModel type, UriInfoImpl uriInfo) {
    return new ResourceTarget(Kind.ENTITY_SET, type, null, uriInfo);
  }

  static ResourceTarget entity(EntityTypeModel type, EntityKey key, UriInfoImpl uriInfo) {
    return new ResourceTarget(Kind.ENTITY, type, key, uriInfo);
  }
}
