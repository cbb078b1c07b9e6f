package dev.spfemu.odata.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.PayloadKind;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RequestVersions;
import dev.spfemu.format.ResponseFormat;
import dev.spfemu.format.atom.AtomEntityReader;
import dev.spfemu.format.json.JsonEntityReader;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.UnitOfWork;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.ServiceDomain;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;

/**
 * The OData request pipeline, one per emulator: version headers, then the URI, then the method
 * and resource decide the operation, which negotiates its format and answers. Every
 * {@link ServiceException} thrown on the way is answered here, in the client's format, so errors are
 * rendered in exactly one place ({@link ErrorRenderer}).
 */
public final class ODataPipeline {

  private static final List<String> GET = List.of("GET");
  private static final List<String> TUNNELLED = List.of("MERGE", "PATCH", "PUT", "DELETE");
  /** The header .NET clients use to tunnel MERGE, PUT, PATCH and DELETE through POST. */
  private static final String METHOD_TUNNEL = "X-HTTP-Method";

  private final VmmEdm edm;
  private final ServiceDomain domain;
  private final ODataUriParser uriParser;
  private final PayloadWriters writers;
  private final ErrorRenderer errors;
  private final ReadOperations reads;
  private final LinkReads links;
  private final WriteOperations writes;
  private final BatchOperations batches;
  /** The sets the service document lists: all of them, or those WAP's tenant API passes on. */
  private final List<EntityTypeModel> allSets;
  private final List<EntityTypeModel> tenantSets;
  private final UnitOfWork units;

  /**
   * @param edm the model of the web service served (the VMM service's, or the Admin service's)
   * @param domain the domain the requests act on
   * @param clock the emulator's clock (Atom's {@code updated})
   * @param pageSize the most entities one response of a collection holds; the rest follow the next link
   */
  public ODataPipeline(VmmEdm edm, ServiceDomain domain, Clock clock, int pageSize) {
    this(edm, domain, clock, pageSize, RequestLimits.DEFAULTS);
  }

  /** @param limits what one request may ask (batch parts, expression length and depth) */
  public ODataPipeline(VmmEdm edm, ServiceDomain domain, Clock clock, int pageSize, RequestLimits limits) {
    this(edm, domain, clock, pageSize, limits, UnitOfWork.NONE);
  }

  /** @param units what makes a request's changes durable before its reply ({@code --data-dir}) */
  public ODataPipeline(VmmEdm edm, ServiceDomain domain, Clock clock, int pageSize, RequestLimits limits,
      UnitOfWork units) {
    this.edm = edm;
    this.units = units;
    this.domain = domain;
    this.allSets = List.copyOf(edm.model().entityTypes());
    this.tenantSets = allSets.stream().filter(type -> !type.adminOnly()).toList();
    this.uriParser = new ODataUriParser(edm.edm(), edm.model(), limits);
    JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    this.writers = new PayloadWriters(json, XMLOutputFactory.newInstance(), clock);
    this.errors = new ErrorRenderer(writers);
    NavigationResolver navigation = new NavigationResolver(domain);
    this.reads = new ReadOperations(writers, pageSize, navigation, new Expander(edm.model(), domain.navigation()));
    this.links = new LinkReads(writers, pageSize, navigation);
    this.writes = new WriteOperations(writers, new JsonEntityReader(json), JsonEntityReader.lightOnly(json),
        new AtomEntityReader(AtomEntityReader.secureFactory()));
    this.batches = new BatchOperations(new BatchOperations.PartHandler() {
      @Override
      public void handle(ODataCall call, ResponseSink sink, boolean inChangeSet) {
        ODataPipeline.this.handle(call, sink, inChangeSet);
      }

      @Override
      public RenderedError renderError(ServiceException error, UnaryOperator<String> headers) {
        return errors.render(error, headers);
      }
    }, domain::beginChangeSet, limits.batchParts());
  }

  /**
   * Handles one request against a service root and writes its response, error or not. Its changes (all of
   * a {@code $batch}'s) are one unit of work, kept before the first byte of the reply.
   */
  public void handle(ODataCall call, ResponseSink sink) {
    if (call.method().equals("GET")) {
      handle(call, sink, false); // reads change nothing: no unit, so they never wait for one that writes
      return;
    }
    units.begin();
    try {
      handle(call, new KeptBeforeReply(sink, units), false);
    } finally {
      units.commit(); // no-op after the reply's commit; keeps what a request that failed unexpectedly changed
    }
  }

  /** Handles a request, or an operation of a change set. */
  private void handle(ODataCall call, ResponseSink sink, boolean inChangeSet) {
    RequestVersions versions = null;
    String formatOption = null;
    try {
      versions = RequestVersions.parse(call.header(RequestVersions.DATA_SERVICE_VERSION),
          call.header(RequestVersions.MAX_DATA_SERVICE_VERSION),
          call.header(RequestVersions.MIN_DATA_SERVICE_VERSION));
      QueryOptions query = QueryOptions.parse(call.rawQuery());
      formatOption = query.format();
      ResourceTarget target = uriParser.parse(call.resourcePath(), query);
      route(new Exchange(call, sink, versions, query, inChangeSet), target);
    } catch (ServiceException e) {
      sink.failed(e);
      RenderedError rendered = errors.render(e, call.headers(), formatOption, versions);
      sink.status(rendered.status());
      rendered.headers().forEach(sink::header);
      try (OutputStream out = sink.body()) {
        out.write(rendered.body());
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    }
  }

  /**
   * Renders an error found outside the pipeline (a path that is no service root, a request Jetty
   * refused) in the format the request's headers ask for.
   */
  public RenderedError renderError(ServiceException error, UnaryOperator<String> headers) {
    return errors.render(error, headers);
  }

  private void route(Exchange x, ResourceTarget target) {
    String method = effectiveMethod(x.call);
    EntitySet set = target.type() == null ? null : domain.set(target.type().entitySet());
    if (set != null && x.call.tenantApi() && (set.type().adminOnly() || target.origin().adminOnly())) {
      // WAP's tenant API does not pass admin-only sets on
      throw VmmErrors.unknownEntitySet((set.type().adminOnly() ? set.type() : target.origin()).entitySet());
    }
    if (target.navigation() != null && !method.equals("GET")) {
      throw VmmErrors.navigationReadOnly(method, x.call.resourcePath(), foreignKey(target.navigation()));
    }
    if (x.call.subscription() == null && set != null) {
      if (domain.scope() != null) {
        // a service without subscriptions (the Admin service) keeps everything in one partition
        x = new Exchange(x.call.inSubscription(domain.scope()), x.sink, x.versions, x.query, x.inChangeSet);
      } else if (target.originKey() != null) {
        x = inOwnersSubscription(x, target, domain.set(target.origin().entitySet()));
      }
    }
    switch (target.kind()) {
      case SERVICE_DOCUMENT:
        allow(method, GET, "the service root");
        serviceDocument(x);
        break;
      case METADATA:
        allow(method, GET, "$metadata");
        metadata(x);
        break;
      case BATCH:
        allow(method, List.of("POST"), "$batch");
        if (x.inChangeSet) {
          throw VmmErrors.invalidUri("A $batch cannot contain another $batch.");
        }
        batches.batch(x);
        break;
      case ENTITY_SET:
        allow(method, x.call.tenantApi() ? set.type().tenantSetMethods() : set.type().setMethods(),
            set.type().entitySet());
        if (method.equals("POST")) {
          writes.create(x, set);
        } else {
          reads.list(x, set, target);
        }
        break;
      case COUNT:
        allow(method, GET, set.type().entitySet() + "/$count");
        reads.count(x, set, target);
        break;
      case ENTITY:
        allow(method, x.call.tenantApi() ? set.type().tenantEntityMethods() : set.type().entityMethods(),
            set.type().entitySet() + "(…)");
        switch (method) {
          case "GET":
            reads.read(x, set, target);
            break;
          case "DELETE":
            writes.delete(x, set, target);
            break;
          default:
            writes.update(x, set, target);
            break;
        }
        break;
      case PROPERTY:
        allow(method, GET, set.type().entitySet() + "(…)/" + target.property().name());
        reads.property(x, set, target);
        break;
      case PROPERTY_VALUE:
        allow(method, GET, set.type().entitySet() + "(…)/" + target.property().name() + "/$value");
        reads.value(x, set, target);
        break;
      case STREAM:
        allow(method, GET, set.type().entitySet() + "(…)/" + target.stream().name());
        reads.stream(x, set, target, domain);
        break;
      case LINKS:
        links.links(x, target);
        break;
      default:
        throw VmmErrors.unsupportedResource(x.call.resourcePath());
    }
  }

  /**
   * The roots that see every subscription (SPF's own, WAP's admin): collections are their union; an
   * entity is read and changed in the subscription that holds it; a create goes where the domain says
   * ({@link EntitySet#subscriptionFor}).
   */
  /** A request for one entity (or what hangs off it) on a root of every subscription acts in the one holding it. */
  private static Exchange inOwnersSubscription(Exchange x, ResourceTarget target, EntitySet origin) {
    String owner = origin.ownerOf(target.originKey());
    return new Exchange(x.call.inSubscription(owner), x.sink, x.versions, x.query, x.inChangeSet);
  }

  /** How the last navigation property of a path relates entities, for the read-only error: {@code VMId, StampId}. */
  private static String foreignKey(NavigationPath path) {
    NavigationModel last = path.last();
    List<PropertyModel> keys = last.many() ? last.to() : last.from();
    return (last.many() ? last.target().name() : last.source().name()) + "."
        + String.join(", ", keys.stream().map(PropertyModel::name).toList());
  }

  private void serviceDocument(Exchange x) {
    ResponseFormat format = x.negotiate(PayloadKind.SERVICE_DOCUMENT);
    x.respond(200, format, PayloadKind.SERVICE_DOCUMENT, x.versions.responseVersion(format.neededVersion()),
        out -> writers.of(format).writeServiceDocument(out, x.call.urls(), x.call.tenantApi() ? tenantSets : allSets));
  }

  private void metadata(Exchange x) {
    ResponseFormat format = x.negotiate(PayloadKind.METADATA);
    x.respond(200, format, PayloadKind.METADATA, x.versions.responseVersion(ProtocolVersion.V3),
        out -> out.write(edm.metadataDocument()));
  }

  /** The method a request stands for: POST with {@code X-HTTP-Method} tunnels another one. */
  private static String effectiveMethod(ODataCall call) {
    String tunnelled = call.header(METHOD_TUNNEL);
    if (tunnelled == null || !call.method().equals("POST")) {
      return call.method();
    }
    String method = tunnelled.trim().toUpperCase(Locale.ROOT);
    if (!TUNNELLED.contains(method)) {
      throw VmmErrors.invalidTunnelledMethod(tunnelled);
    }
    return method;
  }

  private static void allow(String method, List<String> allowed, String resource) {
    if (!allowed.contains(method)) {
      throw VmmErrors.methodNotAllowed(method, resource, allowed);
    }
  }
}
