package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RelatedEntities;
import dev.spfemu.format.ResponseFormat;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.odata.query.QueryResult;
import dev.spfemu.vmm.OwnedEntity;
import java.util.List;

/**
 * GET of links ({@code VirtualMachines(…)/$links/VirtualNetworkAdapters}): the URLs of the entities
 * a navigation property leads to, with the query options and paging of a collection, or the one URL
 * of a to-one navigation or of a key after a to-many one. XML for Atom clients (links have no Atom
 * form), JSON light or verbose JSON otherwise, as WCF Data Services answers them.
 */
final class LinkReads {

  private final PayloadWriters writers;
  private final int pageSize;
  private final NavigationResolver navigation;

  LinkReads(PayloadWriters writers, int pageSize, NavigationResolver navigation) {
    this.writers = writers;
    this.pageSize = pageSize;
    this.navigation = navigation;
  }

  void links(Exchange x, ResourceTarget target) {
    ResponseFormat format = x.negotiate(PayloadKind.LINKS);
    NavigationModel last = target.navigation().last();
    NavigationResolver.Resolved resolved = navigation.resolve(x.call.subscription(), target);
    ParsedQuery query = target.query();
    if (resolved.entity() != null) {
      OwnedEntity entity = resolved.entity();
      if (query.expressions().hasFilter() && !ReadOperations.query(target, Integer.MAX_VALUE).matches(entity)) {
        throw VmmErrors.notFound("The entity does not match the $filter.");
      }
      ProtocolVersion version = x.version(ReadOperations.needed(format, false), "this format");
      FeedPage page = page(List.of(entity), null, null, version, resolved.path(), last);
      x.respond(200, format, PayloadKind.LINKS, version,
          out -> writers.of(format).writeLinks(out, x.call.urls(), last, page, true));
      return;
    }
    QueryResult result = ReadOperations.query(target, pageSize).apply(resolved.collection());
    ProtocolVersion version = x.version(ReadOperations.needed(format, ReadOperations.versionTwo(query, result)),
        "$inlinecount or paged links");
    String linksPath = linksPath(resolved.path(), last);
    String nextLink = result.skipToken() == null ? null : ReadOperations.nextLink(x, linksPath, query, result);
    FeedPage page = page(result.page(), result.count(), nextLink, version, linksPath, last);
    x.respond(200, format, PayloadKind.LINKS, version,
        out -> writers.of(format).writeLinks(out, x.call.urls(), last, page, false));
  }

  /** {@code VirtualMachines(…)/VirtualNetworkAdapters} as {@code VirtualMachines(…)/$links/VirtualNetworkAdapters}. */
  private static String linksPath(String navigationPath, NavigationModel last) {
    String source = navigationPath.substring(0, navigationPath.length() - last.name().length() - 1);
    return source + "/$links/" + last.name();
  }

  private static FeedPage page(List<? extends EntityValues> entities, Long count, String nextLink,
      ProtocolVersion version, String path, NavigationModel last) {
    return new FeedPage(entities, count, nextLink, Projection.ALL, version, path, last.name(), RelatedEntities.NONE);
  }
}
