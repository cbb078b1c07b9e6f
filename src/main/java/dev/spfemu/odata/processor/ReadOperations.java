package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.Entry;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.Format;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.ResponseFormat;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.odata.query.CollectionQuery;
import dev.spfemu.odata.query.QueryResult;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.MediaResource;
import dev.spfemu.vmm.OwnedEntity;
import dev.spfemu.vmm.ServiceDomain;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GET of collections (with every query option, {@code $expand} and server-driven paging),
 * {@code $count}, entities, single properties and their {@code $value}, named streams: of an entity set, or of what
 * a navigation path leads to ({@link NavigationResolver}), which is read the same way.
 */
final class ReadOperations {

  private final PayloadWriters writers;
  private final int pageSize;
  private final NavigationResolver navigation;
  private final Expander expander;

  ReadOperations(PayloadWriters writers, int pageSize, NavigationResolver navigation, Expander expander) {
    this.writers = writers;
    this.pageSize = pageSize;
    this.navigation = navigation;
    this.expander = expander;
  }

  /**
   * A collection: its entities with their subscription, and its path under the service root and
   * title (the entity set, or the navigation property that leads to it).
   */
  record Collection(List<OwnedEntity> entities, String path, String title) {
  }

  void list(Exchange x, EntitySet set, ResourceTarget target) {
    ResponseFormat format = x.negotiate(PayloadKind.FEED);
    EntityTypeModel type = target.type();
    ParsedQuery query = target.query();
    Collection collection = collection(x, set, target);
    QueryResult result = query(target, pageSize).apply(collection.entities());
    Projection projection = query.select().projection();
    ProtocolVersion version = x.version(needed(format, versionTwo(query, result) || projection.isPartial()),
        "$inlinecount, $select or a paged collection");
    String nextLink = result.skipToken() == null ? null : nextLink(x, collection.path(), query, result);
    FeedPage page = new FeedPage(result.page(), result.count(), nextLink, projection, version, collection.path(),
        collection.title(), expander);
    x.respond(200, format, PayloadKind.FEED, version,
        out -> writers.of(format).writeFeed(out, x.call.urls(), type, page));
  }

  void count(Exchange x, EntitySet set, ResourceTarget target) {
    ProtocolVersion version = x.version(ProtocolVersion.V2, "$count");
    QueryResult result = query(target, Integer.MAX_VALUE).apply(collection(x, set, target).entities());
    x.respondText(Integer.toString(result.page().size()), version);
  }

  void read(Exchange x, EntitySet set, ResourceTarget target) {
    ResponseFormat format = x.negotiate(PayloadKind.ENTRY);
    OwnedEntity entity = readMatching(x, set, target);
    Projection projection = target.query().select().projection();
    ProtocolVersion version = x.version(needed(format, projection.isPartial()), "$select");
    Entry entry = new Entry(entity, projection, expander, version);
    x.respond(200, format, PayloadKind.ENTRY, version,
        out -> writers.of(format).writeEntry(out, x.call.urls(), target.type(), entry));
  }

  void property(Exchange x, EntitySet set, ResourceTarget target) {
    ResponseFormat format = x.negotiate(PayloadKind.PROPERTY);
    Object value = target.type().writtenValue(readMatching(x, set, target), target.property());
    ProtocolVersion version = x.version(needed(format, false), "this format");
    x.respond(200, format, PayloadKind.PROPERTY, version,
        out -> writers.of(format).writeProperty(out, x.call.urls(), target.property(), value));
  }

  /** {@code $value}: the raw text of a property; a null value has none, so it is 404 as in WCF Data Services. */
  void value(Exchange x, EntitySet set, ResourceTarget target) {
    Object value = target.type().writtenValue(readMatching(x, set, target), target.property());
    if (value == null) {
      throw VmmErrors.notFound("The value of '" + target.property().name() + "' is null, so it has no $value.");
    }
    x.respondText(PrimitiveCodecs.of(target.property().kind()).toText(value), ProtocolVersion.V1);
  }

  /** An entity's named stream (a VM's VMConnection: its console's RDP file), as the domain makes it. */
  void stream(Exchange x, EntitySet set, ResourceTarget target, ServiceDomain domain) {
    OwnedEntity entity = readMatching(x, set, target);
    ProtocolVersion version = x.version(ProtocolVersion.V3, "a named stream");
    MediaResource media = domain.mediaStream(entity, target.stream());
    x.respondMedia(media.contentType(), media.content(), version);
  }

  /** The entities of the addressed collection: an entity set's, or those a navigation path leads to. */
  Collection collection(Exchange x, EntitySet set, ResourceTarget target) {
    if (target.navigation() == null) {
      String name = target.type().entitySet();
      String subscription = x.call.subscription();
      // the filter's key or foreign-key equalities find its candidates without a scan; it still runs on them
      List<OwnedEntity> entities = set.listOwnedWith(subscription, target.query().expressions().filterEqualities())
          .orElseGet(() -> set.listOwned(subscription));
      return new Collection(entities, name, name);
    }
    NavigationResolver.Resolved resolved = navigation.resolve(x.call.subscription(), target);
    return new Collection(resolved.collection(), resolved.path(), target.navigation().last().name());
  }

  /** The addressed entity; 404 also when a {@code $filter} on it does not match, as OData says. */
  OwnedEntity readMatching(Exchange x, EntitySet set, ResourceTarget target) {
    OwnedEntity entity = target.navigation() == null
        ? new OwnedEntity(x.call.subscription(), set.read(x.call.subscription(), target.key()))
        : navigation.resolve(x.call.subscription(), target).entity();
    if (target.query().expressions().hasFilter() && !query(target, Integer.MAX_VALUE).matches(entity)) {
      throw VmmErrors.notFound("The entity does not match the $filter.");
    }
    return entity;
  }

  /** The query of {@code target}; throws what compiling its expressions found. */
  static CollectionQuery query(ResourceTarget target, int pageSize) {
    ParsedQuery query = target.query();
    return CollectionQuery.builder(target.type()).expressions(query.expressions()).top(query.top())
        .skip(query.skip()).skipToken(query.skipToken()).inlineCount(query.inlineCount()).pageSize(pageSize)
        .build();
  }

  /**
   * Whether a collection's answer uses a v2 feature: a count, a next link, or a page reached through a
   * skip token (shaped like the first one, even when it is the last).
   */
  static boolean versionTwo(ParsedQuery query, QueryResult result) {
    return result.count() != null || result.skipToken() != null || query.skipToken() != null;
  }

  /** JSON light is v3 whatever it holds; Atom and verbose JSON need 2.0 only for v2 features ($expand is v1). */
  static ProtocolVersion needed(ResponseFormat format, boolean versionTwoFeatures) {
    if (format.format() == Format.JSON_LIGHT) {
      return ProtocolVersion.V3;
    }
    return versionTwoFeatures ? ProtocolVersion.V2 : ProtocolVersion.V1;
  }

  /**
   * The request's own URL (its collection's canonical path) with the skip token of the next page
   * instead of its $skip/$skiptoken, and what is left of $top.
   */
  static String nextLink(Exchange x, String path, ParsedQuery query, QueryResult result) {
    List<String> pairs = new ArrayList<>(query.nextLinkPairs());
    if (result.remainingTop() != null) {
      pairs.add("$top=" + result.remainingTop());
    }
    pairs.add("$skiptoken=" + URLEncoder.encode(result.skipToken(), StandardCharsets.UTF_8));
    return x.call.urls().serviceRoot() + path + "?" + String.join("&", pairs);
  }
}
