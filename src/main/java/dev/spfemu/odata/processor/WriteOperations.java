package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.EntityReader;
import dev.spfemu.format.MediaType;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RequestFormat;
import dev.spfemu.format.ResponseFormat;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.Change;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.OwnedEntity;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * POST (create), MERGE/PATCH/PUT (update, merge semantics) and DELETE of entities. A request that
 * starts a VMM job answers with the job's ID in {@code x-ms-request-id}, in place of the random one
 * every response gets: the WAPack cmdlets take that header as the job to wait for.
 */
final class WriteOperations {

  /** The response header that carries the ID of the VMM job a request started. */
  static final String JOB_ID_HEADER = "x-ms-request-id";

  private final PayloadWriters writers;
  private final EntityReader jsonReader;
  private final EntityReader jsonLightReader;
  private final EntityReader atomReader;

  /**
   * @param jsonReader reads a JSON body of either dialect (plain application/json)
   * @param jsonLightReader reads a body declared JSON light
   */
  WriteOperations(PayloadWriters writers, EntityReader jsonReader, EntityReader jsonLightReader,
      EntityReader atomReader) {
    this.writers = writers;
    this.jsonReader = jsonReader;
    this.jsonLightReader = jsonLightReader;
    this.atomReader = atomReader;
  }

  /** {@code ?RunAsynchronously=1} (or true): return while the job runs, as SPF's VM URIs allow. */
  private static boolean async(Exchange x) {
    String value = x.query.value("RunAsynchronously");
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  /**
   * Creates an entity and answers 201 with its absolute {@code Location} and the entity, or, with
   * {@code Prefer: return-no-content}, 204 with the {@code Location} and {@code DataServiceId} (the
   * entity's ID, as OData v3 answers an insert without content). The format is negotiated first, so a
   * request that cannot be answered stores nothing. On a root that sees every subscription, the domain
   * decides which subscription the entity belongs to.
   */
  void create(Exchange x, EntitySet set) {
    ResponsePreference preference = ResponsePreference.of(x.call, x.versions);
    ResponseFormat format = x.negotiate(PayloadKind.ENTRY);
    EntityPayload payload = readPayload(x.call, set.type());
    String principal = x.call.header(ODataCall.PRINCIPAL_HEADER);
    String subscription = x.call.subscription() != null ? x.call.subscription()
        : set.subscriptionFor(payload, principal);
    Change change = set.create(subscription, payload, async(x), principal);
    reportJob(x, change);
    EntityRecord record = change.entity();
    String location = x.call.urls().entityUrl(set.type(), record::value);
    x.sink.header("Location", location);
    applied(x, preference);
    if (preference == ResponsePreference.NO_CONTENT) {
      x.sink.header("DataServiceId", location);
      x.respondNoContent(ProtocolVersion.V3);
      return;
    }
    writeEntity(x, 201, format, set, new OwnedEntity(subscription, record), preference);
  }

  /**
   * Changes an entity: 204, or with {@code Prefer: return-content} 200 and the entity as it is after
   * the change, in the format a GET would have (negotiated before anything changes).
   */
  void update(Exchange x, EntitySet set, ResourceTarget target) {
    ResponsePreference preference = ResponsePreference.of(x.call, x.versions);
    ResponseFormat format = preference == ResponsePreference.CONTENT ? x.negotiate(PayloadKind.ENTRY) : null;
    checkIfMatch(x.call);
    EntityPayload payload = readPayload(x.call, set.type());
    Change change = set.update(x.call.subscription(), target.key(), payload, async(x));
    reportJob(x, change);
    applied(x, preference);
    if (format != null) {
      writeEntity(x, 200, format, set, new OwnedEntity(x.call.subscription(), change.entity()), preference);
    } else {
      x.respondNoContent(preference.applied() ? ProtocolVersion.V3 : ProtocolVersion.V1);
    }
  }

  /** The entity as stored, which the writers read from its stored form ({@code StoredValues}). */
  private void writeEntity(Exchange x, int status, ResponseFormat format, EntitySet set, OwnedEntity entity,
      ResponsePreference preference) {
    ProtocolVersion needed = preference.applied() ? ProtocolVersion.V3 : format.neededVersion();
    x.respond(status, format, PayloadKind.ENTRY, x.versions.responseVersion(needed),
        out -> writers.of(format).writeEntry(out, x.call.urls(), set.type(), entity, Projection.ALL));
  }

  /** Says which preference the answer follows, if any. */
  private static void applied(Exchange x, ResponsePreference preference) {
    if (preference.applied()) {
      x.sink.header(ResponsePreference.PREFERENCE_APPLIED, preference.token());
    }
  }

  void delete(Exchange x, EntitySet set, ResourceTarget target) {
    checkIfMatch(x.call);
    reportJob(x, set.delete(x.call.subscription(), target.key(), async(x)));
    x.respondNoContent(ProtocolVersion.V1);
  }

  /** The job the request started, if any, becomes the response's request ID (a $batch part's own header). */
  private static void reportJob(Exchange x, Change change) {
    if (change.job() != null) {
      x.sink.header(JOB_ID_HEADER, change.job().toString());
    }
  }

  /**
   * VMM types declare no concurrency token, so there is no ETag to match: {@code If-Match: *}
   * ("whatever the current version") is accepted, any other value refused, as WCF Data Services
   * does for types without concurrency tokens.
   */
  private static void checkIfMatch(ODataCall call) {
    String ifMatch = call.header("If-Match");
    if (ifMatch != null && !ifMatch.trim().equals("*")) {
      throw VmmErrors.noConcurrencyToken(ifMatch);
    }
  }

  /** Reads the request body as an entity of {@code type}, with the reader its Content-Type names. */
  private EntityPayload readPayload(ODataCall call, EntityTypeModel type) {
    String contentType = call.header("Content-Type");
    MediaType parsed = MediaType.parse(contentType); // once: every create and update reads it
    EntityReader reader = RequestFormat.of(parsed, contentType) == RequestFormat.ATOM ? atomReader
        : RequestFormat.isJsonLight(parsed) ? jsonLightReader : jsonReader;
    byte[] body;
    try {
      body = call.body().read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (body.length == 0) {
      throw VmmErrors.malformedPayload("entity", "the request body is empty; send the " + type.qualifiedName());
    }
    return reader.read(body, type);
  }
}
