package dev.spfemu.format;

import dev.spfemu.model.EntityValues;
import java.util.List;

/**
 * One page of a feed as it is written.
 *
 * @param entities the entities of this page
 * @param count the {@code $inlinecount} value, or null
 * @param nextLink the absolute URL of the next page, or null when this is the last
 * @param projection the properties to write
 * @param version the response's protocol version (verbose JSON feeds differ by version)
 */
public record FeedPage(List<? extends EntityValues> entities, Long count, String nextLink, Projection projection,
    ProtocolVersion version) {

  /** A whole feed with every property and nothing else. */
  public static FeedPage of(List<? extends EntityValues> entities, ProtocolVersion version) {
    return new FeedPage(entities, null, null, Projection.ALL, version);
  }
}
