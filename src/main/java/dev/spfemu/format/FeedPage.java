package dev.spfemu.format;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import java.util.List;

/**
 * One page of a feed as it is written.
 *
 * @param entities the entities of this page
 * @param count the {@code $inlinecount} value, or null
 * @param nextLink the absolute URL of the next page, or null when this is the last
 * @param projection what to write of each entity, expansions included
 * @param version the response's protocol version (verbose JSON feeds differ by version)
 * @param path the feed's path under the service root: {@code VirtualMachines}, or a navigation
 *     collection's {@code VirtualMachines(ID=guid'…',StampId=guid'…')/VirtualNetworkAdapters}
 * @param title the feed's title: the entity set's name or the navigation property's
 * @param related the entities the expanded navigation properties lead to
 */
public record FeedPage(List<? extends EntityValues> entities, Long count, String nextLink, Projection projection,
    ProtocolVersion version, String path, String title, RelatedEntities related) {

  /** A whole entity set with every property and nothing else. */
  public static FeedPage of(EntityTypeModel type, List<? extends EntityValues> entities, ProtocolVersion version) {
    return new FeedPage(entities, null, null, Projection.ALL, version, type.entitySet(), type.entitySet(),
        RelatedEntities.NONE);
  }
}
