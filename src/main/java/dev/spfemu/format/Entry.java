package dev.spfemu.format;

import dev.spfemu.model.EntityValues;

/**
 * One entry as it is written.
 *
 * @param entity its values
 * @param projection what to write of it, expansions included
 * @param related the entities its expanded navigation properties lead to
 * @param version the response's protocol version (verbose JSON writes expanded collections by version)
 */
public record Entry(EntityValues entity, Projection projection, RelatedEntities related, ProtocolVersion version) {

  /** An entry with every property, its navigation properties as links. */
  public static Entry of(EntityValues entity) {
    return new Entry(entity, Projection.ALL, RelatedEntities.NONE, ProtocolVersion.V1);
  }
}
