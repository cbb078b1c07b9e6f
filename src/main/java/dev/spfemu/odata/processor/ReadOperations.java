package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.Format;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.ResponseFormat;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.odata.query.CollectionQuery;
import dev.spfemu.odata.query.QueryResult;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.EntitySet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GET of collections (with every query option and server-driven paging), {@code $count},
 * entities, single properties and their {@code $value}.
 */
final class ReadOperations {

  private final PayloadWriters writers;
  private final int pageSize;

  ReadOperations(PayloadWriters writers, int pageSize) {
    this.writers = writers;
    this.pageSize = pageSize;
  }

  void list(Exchange x, EntitySet set, ResourceTarget target) {
    ResponseFormat format = x.negotiate(PayloadKind.FEED);
    EntityTypeModel type = set.type();
    ParsedQuery query = target.query();
    QueryResult result = query(target, pageSize).apply(values(set.list(x.call.subscription())));
    Projection projection = query.select().projection();
    // A page reached through a skip token is shaped like the first one (v2), even when it is the last.
    boolean continuation = query.skipToken() != null;
    boolean versionTwoFeatures = result.count() != null || result.skipToken() != null || continuation
        || projection.isPartial();
    ProtocolVersion version = x.version(needed(format, versionTwoFeatures),
        "$inlinecount, $select or a paged collection");
    String nextLink = result.skipToken() == null ? null : nextLink(x, type, query, result);
    FeedPage page = new FeedPage(result.page(), result.count(), nextLink, projection, version);
    x.respond(200, format, PayloadKind.FEED, version,
        out -> writers.of(format).writeFeed(out, x.call.urls(), type, page));
  }

  void count(Exchange x, EntitySet set, ResourceTarget target) {
    ProtocolVersion version = x.version(ProtocolVersion.V2, "$count");
    QueryResult result = query(target, Integer.MAX_VALUE).apply(values(set.list(x.call.subscription())));
    x.respondText(Integer.toString(result.page().size()), version);
  }

  void read(Exchange x, EntitySet set, ResourceTarget target) {
    ResponseFormat format = x.negotiate(PayloadKind.ENTRY);
    EntityRecord record = readMatching(x, set, target);
    Projection projection = target.query().select().projection();
    ProtocolVersion version = x.version(needed(format, projection.isPartial()), "$select");
    x.respond(200, format, PayloadKind.ENTRY, version,
        out -> writers.of(format).writeEntry(out, x.call.urls(), set.type(), record::value, projection));
  }

  void property(Exchange x, EntitySet set, ResourceTarget target) {
    ResponseFormat format = x.negotiate(PayloadKind.PROPERTY);
    Object value = readMatching(x, set, target).value(target.property().index());
    ProtocolVersion version = x.version(needed(format, false), "this format");
    x.respond(200, format, PayloadKind.PROPERTY, version,
        out -> writers.of(format).writeProperty(out, x.call.urls(), target.property(), value));
  }

  /** {@code $value}: the raw text of a property; a null value has none, so it is 404 as in WCF Data Services. */
  void value(Exchange x, EntitySet set, ResourceTarget target) {
    Object value = readMatching(x, set, target).value(target.property().index());
    if (value == null) {
      throw VmmErrors.notFound("The value of '" + target.property().name() + "' is null, so it has no $value.");
    }
    x.respondText(PrimitiveCodecs.of(target.property().kind()).toText(value), ProtocolVersion.V1);
  }

  /** The addressed entity; 404 also when a {@code $filter} on it does not match, as OData says. */
  private static EntityRecord readMatching(Exchange x, EntitySet set, ResourceTarget target) {
    EntityRecord record = set.read(x.call.subscription(), target.key());
    if (target.query().expressions().hasFilter() && !query(target, Integer.MAX_VALUE).matches(record::value)) {
      throw VmmErrors.notFound("The entity does not match the $filter.");
    }
    return record;
  }

  /** The query of {@code target}; throws what compiling its expressions found. */
  private static CollectionQuery query(ResourceTarget target, int pageSize) {
    ParsedQuery query = target.query();
    return CollectionQuery.builder(target.type()).expressions(query.expressions()).top(query.top())
        .skip(query.skip()).skipToken(query.skipToken()).inlineCount(query.inlineCount()).pageSize(pageSize)
        .build();
  }

  private static List<EntityValues> values(List<EntityRecord> records) {
    List<EntityValues> values = new ArrayList<>(records.size());
    for (EntityRecord record : records) {
      values.add(record::value);
    }
    return values;
  }

  /** JSON light is v3 whatever it holds; Atom and verbose JSON need 2.0 only for v2 features. */
  private static ProtocolVersion needed(ResponseFormat format, boolean versionTwoFeatures) {
    if (format.format() == Format.JSON_LIGHT) {
      return ProtocolVersion.V3;
    }
    return versionTwoFeatures ? ProtocolVersion.V2 : ProtocolVersion.V1;
  }

  /** The request's own URL with the skip token of the next page instead of its $skip/$skiptoken, and what is left of $top. */
  private static String nextLink(Exchange x, EntityTypeModel type, ParsedQuery query, QueryResult result) {
    List<String> pairs = new ArrayList<>(query.nextLinkPairs());
    if (result.remainingTop() != null) {
      pairs.add("$top=" + result.remainingTop());
    }
    pairs.add("$skiptoken=" + URLEncoder.encode(result.skipToken(), StandardCharsets.UTF_8));
    return x.call.urls().serviceRoot() + type.entitySet() + "?" + String.join("&", pairs);
  }
}
