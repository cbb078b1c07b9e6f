package dev.spfemu.odata.processor;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.store.EntityKey;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.olingo.odata2.core.uri.UriInfoImpl;

/**
 * What a resource path addresses, whichever parser found it.
 *
 * @param kind the kind of resource
 * @param type the entity type of an entity set, entity or property, else null
 * @param key the key of an entity or property, else null
 * @param property the property of a property or {@code $value} request, else null
 * @param uriInfo Olingo's parse, for the query options; null when the fast path parsed the path
 * @param dateTimes the real values of the date-time placeholders in {@code $filter}/{@code $orderby}
 */
record ResourceTarget(Kind kind, EntityTypeModel type, EntityKey key, PropertyModel property, UriInfoImpl uriInfo,
    Map<String, OffsetDateTime> dateTimes) {

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

  static ResourceTarget of(Kind kind, UriInfoImpl uriInfo) {
    return new ResourceTarget(kind, null, null, null, uriInfo, Map.of());
  }

  static ResourceTarget entitySet(EntityTypeModel type) {
    return new ResourceTarget(Kind.ENTITY_SET, type, null, null, null, Map.of());
  }

  static ResourceTarget entity(EntityTypeModel type, EntityKey key) {
    return new ResourceTarget(Kind.ENTITY, type, key, null, null, Map.of());
  }
}
