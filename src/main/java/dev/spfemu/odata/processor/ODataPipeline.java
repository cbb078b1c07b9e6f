package dev.spfemu.odata.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.spfemu.error.ODataException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.ContentNegotiator;
import dev.spfemu.format.EntityPayload;
import dev.spfemu.format.EntityReader;
import dev.spfemu.format.EntityValues;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RequestFormat;
import dev.spfemu.format.RequestVersions;
import dev.spfemu.format.ResponseFormat;
import dev.spfemu.format.atom.AtomEntityReader;
import dev.spfemu.format.json.JsonEntityReader;
import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.IdGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;

/**
 * The OData request pipeline, one per emulator: version headers, then the URI, then content
 * negotiation, then the operation, then the response. Every {@link ODataException} thrown on the
 * way is answered here, in the client's format, so errors are rendered in exactly one place.
 */
public final class ODataPipeline {

  static final String DATA_SERVICE_VERSION = "DataServiceVersion";
  private static final List<String> GET = List.of("GET");
  private static final List<String> GET_POST = List.of("GET", "POST");
  private static final List<String> ENTITY_METHODS = List.of("GET", "PUT", "MERGE", "PATCH", "DELETE");
  /** The header .NET clients use to tunnel MERGE, PUT, PATCH and DELETE through POST. */
  private static final String METHOD_TUNNEL = "X-HTTP-Method";

  private final VmmEdm edm;
  private final ODataUriParser uriParser;
  private final PayloadWriters writers;
  private final ErrorRenderer errors;
  private final EntityReader jsonReader;
  private final EntityReader atomReader;
  private final Map<String, EntitySetService> sets = new HashMap<>();

  public ODataPipeline(VmmEdm edm, EntityStore store, IdGenerator ids, Clock clock) {
    this.edm = edm;
    this.uriParser = new ODataUriParser(edm.edm(), edm.model());
    JsonFactory json = JsonFactory.builder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
    this.writers = new PayloadWriters(json, XMLOutputFactory.newInstance(), clock);
    this.errors = new ErrorRenderer(writers);
    this.jsonReader = new JsonEntityReader(json);
    this.atomReader = new AtomEntityReader(AtomEntityReader.secureFactory());
    for (EntityTypeModel type : edm.model().entityTypes()) {
      sets.put(type.entitySet(), new EntitySetService(type, store, ids, clock, EntityRules.forType(type)));
    }
  }

  /** Handles one request against a service root and writes its response, error or not. */
  public void handle(ODataCall call, ResponseSink sink) {
    RequestVersions versions = null;
    String formatOption = null;
    try {
      versions = RequestVersions.parse(call.header(RequestVersions.DATA_SERVICE_VERSION),
          call.header(RequestVersions.MAX_DATA_SERVICE_VERSION),
          call.header(RequestVersions.MIN_DATA_SERVICE_VERSION));
      QueryOptions query = QueryOptions.parse(call.rawQuery());
      formatOption = query.format();
      ResourceTarget target = uriParser.parse(call.resourcePath(), query.options());
      rejectQueryOptions(query);
      route(new Exchange(call, sink, versions, formatOption), target);
    } catch (ODataException e) {
      writeError(sink, e, call.headers(), formatOption, versions);
    }
  }

  /**
   * Renders an error found outside the pipeline (a path that is no service root, a request Jetty
   * refused) in the format the request's headers ask for.
   */
  public RenderedError renderError(ODataException error, UnaryOperator<String> headers) {
    return errors.render(error, headers);
  }

  private void route(Exchange x, ResourceTarget target) {
    String method = effectiveMethod(x.call);
    switch (target.kind()) {
      case SERVICE_DOCUMENT:
        allow(method, GET, "the service root");
        serviceDocument(x);
        break;
      case METADATA:
        allow(method, GET, "$metadata");
        metadata(x);
        break;
      case ENTITY_SET:
        EntitySetService set = sets.get(target.type().entitySet());
        allow(method, GET_POST, set.type().entitySet());
        if (method.equals("POST")) {
          create(x, set);
        } else {
          list(x, set);
        }
        break;
      case ENTITY:
        EntitySetService entitySet = sets.get(target.type().entitySet());
        allow(method, ENTITY_METHODS, entitySet.type().entitySet() + "(…)");
        switch (method) {
          case "GET":
            read(x, entitySet, target.key());
            break;
          case "DELETE":
            delete(x, entitySet, target.key());
            break;
          default:
            update(x, entitySet, target.key());
            break;
        }
        break;
      default:
        throw VmmErrors.unsupportedResource(x.call.resourcePath());
    }
  }

  private void serviceDocument(Exchange x) {
    ResponseFormat format = x.negotiate(PayloadKind.SERVICE_DOCUMENT);
    x.respond(200, format, PayloadKind.SERVICE_DOCUMENT, format.neededVersion(),
        out -> writers.of(format).writeServiceDocument(out, x.call.urls(), edm.model()));
  }

  private void metadata(Exchange x) {
    ResponseFormat format = x.negotiate(PayloadKind.METADATA);
    x.respond(200, format, PayloadKind.METADATA, ProtocolVersion.V3, out -> out.write(edm.metadataDocument()));
  }

  private void create(Exchange x, EntitySetService set) {
    ResponseFormat format = x.negotiate(PayloadKind.ENTRY);
    EntityPayload payload = readPayload(x.call, set.type());
    EntityRecord record = set.create(x.call.subscription(), payload);
    x.sink.header("Location", x.call.urls().entityUrl(set.type(), record::value));
    x.respond(201, format, PayloadKind.ENTRY, format.neededVersion(),
        out -> writers.of(format).writeEntry(out, x.call.urls(), set.type(), record::value));
  }

  private void update(Exchange x, EntitySetService set, EntityKey key) {
    checkIfMatch(x.call);
    EntityPayload payload = readPayload(x.call, set.type());
    set.update(x.call.subscription(), key, payload);
    x.respondNoContent();
  }

  private void delete(Exchange x, EntitySetService set, EntityKey key) {
    checkIfMatch(x.call);
    set.delete(x.call.subscription(), key);
    x.respondNoContent();
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

  /** The method a request stands for: POST with {@code X-HTTP-Method} tunnels another one. */
  private static String effectiveMethod(ODataCall call) {
    String tunnelled = call.header(METHOD_TUNNEL);
    if (tunnelled == null || !call.method().equals("POST")) {
      return call.method();
    }
    String method = tunnelled.trim().toUpperCase(Locale.ROOT);
    if (!List.of("MERGE", "PATCH", "PUT", "DELETE").contains(method)) {
      throw VmmErrors.invalidTunnelledMethod(tunnelled);
    }
    return method;
  }

  private void read(Exchange x, EntitySetService set, EntityKey key) {
    ResponseFormat format = x.negotiate(PayloadKind.ENTRY);
    EntityRecord record = set.read(x.call.subscription(), key);
    x.respond(200, format, PayloadKind.ENTRY, format.neededVersion(),
        out -> writers.of(format).writeEntry(out, x.call.urls(), set.type(), record::value));
  }

  private void list(Exchange x, EntitySetService set) {
    ResponseFormat format = x.negotiate(PayloadKind.FEED);
    List<EntityRecord> records = set.list(x.call.subscription());
    ProtocolVersion version = x.versions.responseVersion(format.neededVersion());
    List<EntityValues> entities = records.stream().<EntityValues>map(r -> r::value).toList();
    x.respond(200, format, PayloadKind.FEED, format.neededVersion(),
        out -> writers.of(format).writeFeed(out, x.call.urls(), set.type(), entities, version));
  }

  private static void allow(String method, List<String> allowed, String resource) {
    if (!allowed.contains(method)) {
      throw VmmErrors.methodNotAllowed(method, resource, allowed);
    }
  }

  private static void rejectQueryOptions(QueryOptions query) {
    for (String option : query.options().keySet()) {
      if (option.startsWith("$")) {
        throw VmmErrors.unsupportedQueryOption(option);
      }
    }
  }

  /** Reads the request body as an entity of {@code type}, with the reader its Content-Type names. */
  private EntityPayload readPayload(ODataCall call, EntityTypeModel type) {
    EntityReader reader = RequestFormat.of(call.header("Content-Type")) == RequestFormat.JSON ? jsonReader : atomReader;
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

  private void writeError(ResponseSink sink, ODataException error, UnaryOperator<String> headers,
      String formatOption, RequestVersions versions) {
    RenderedError rendered = errors.render(error, headers, formatOption, versions);
    sink.status(rendered.status());
    rendered.headers().forEach(sink::header);
    try (OutputStream out = sink.body()) {
      out.write(rendered.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a body to a stream. */
  @FunctionalInterface
  private interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /** One request in flight with what has been negotiated for it so far. */
  private static final class Exchange {
    final ODataCall call;
    final ResponseSink sink;
    final RequestVersions versions;
    final String formatOption;

    Exchange(ODataCall call, ResponseSink sink, RequestVersions versions, String formatOption) {
      this.call = call;
      this.sink = sink;
      this.versions = versions;
      this.formatOption = formatOption;
    }

    ResponseFormat negotiate(PayloadKind kind) {
      return ContentNegotiator.negotiate(kind, call.header("Accept"), formatOption, versions);
    }

    /** 204, as WCF Data Services answers MERGE, PUT, PATCH and DELETE. */
    void respondNoContent() {
      sink.status(204);
      sink.header(DATA_SERVICE_VERSION, versions.responseVersion(ProtocolVersion.V1).headerValue());
      try {
        sink.body().close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void respond(int status, ResponseFormat format, PayloadKind kind, ProtocolVersion needed, BodyWriter body) {
      sink.status(status);
      sink.header(DATA_SERVICE_VERSION, versions.responseVersion(needed).headerValue());
      sink.header("Content-Type", format.contentType(kind));
      try (OutputStream out = sink.body()) {
        body.write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
