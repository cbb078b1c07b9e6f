package dev.spfemu.odata.processor;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.MediaType;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RequestVersions;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.vmm.ChangeSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.olingo.odata2.api.batch.BatchException;
import org.apache.olingo.odata2.api.batch.BatchRequestPart;
import org.apache.olingo.odata2.api.batch.BatchResponsePart;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderBatchProperties;
import org.apache.olingo.odata2.api.processor.ODataRequest;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.uri.PathInfo;
import org.apache.olingo.odata2.api.uri.PathSegment;

/**
 * {@code POST $batch} as {@code SaveChanges(SaveChangesOptions.Batch)} sends it. Olingo parses and
 * writes the multipart framing; each part runs through the normal pipeline with its own headers
 * (so its own format and version). Change sets are atomic: if one operation fails, the ones before
 * it are undone and the change set is answered by that single error, carrying the failing part's
 * Content-ID. {@code $n} in a URL refers to the entity created by the part with Content-ID n.
 */
final class BatchOperations {

  /** The pipeline, as the parts of a batch use it. */
  interface PartHandler {
    /** Runs one part through the pipeline. */
    void handle(ODataCall call, ResponseSink sink, boolean inChangeSet);

    /** Renders an error in the format a part's headers ask for. */
    RenderedError renderError(ServiceException error, UnaryOperator<String> headers);
  }

  private static final String MIME_CONTENT_ID = "MimeHeader-ContentId";
  private static final String REQUEST_CONTENT_ID = "RequestHeader-ContentId";

  private final PartHandler parts;
  private final Supplier<ChangeSet> changeSets;
  private final int maxOperations;

  /**
   * @param changeSets starts a change set in the domain, whose changes a failure takes back
   * @param maxOperations the most operations (queries and change sets' operations) one batch may hold
   */
  BatchOperations(PartHandler parts, Supplier<ChangeSet> changeSets, int maxOperations) {
    this.changeSets = changeSets;
    this.parts = parts;
    this.maxOperations = maxOperations;
  }

  void batch(Exchange x) {
    String contentType = x.call.header("Content-Type");
    MediaType type = MediaType.parse(contentType);
    if (type == null || !type.is("multipart", "mixed") || type.parameter("boundary") == null) {
      throw VmmErrors.unsupportedMediaType(contentType, "multipart/mixed; boundary=… for $batch");
    }
    List<BatchRequestPart> requestParts = parse(x, contentType);
    int operations = requestParts.stream().mapToInt(part -> part.getRequests().size()).sum();
    if (operations > maxOperations) {
      throw VmmErrors.limitExceeded("The number of operations in one $batch", maxOperations,
          operations + " operations", "--max-batch-parts");
    }
    List<BatchResponsePart> responseParts = new ArrayList<>(requestParts.size());
    for (BatchRequestPart part : requestParts) {
      responseParts.add(part.isChangeSet() ? changeSet(x, part) : query(x, part));
    }
    ODataResponse response;
    try {
      response = EntityProvider.writeBatchResponse(responseParts);
    } catch (BatchException e) {
      throw new IllegalStateException("cannot write the $batch response", e);
    }
    x.sink.status(202);
    x.sink.header(RequestVersions.DATA_SERVICE_VERSION, x.versions.responseVersion(ProtocolVersion.V1).headerValue());
    x.sink.header("Content-Type", response.getContentHeader());
    Object entity = response.getEntity(); // Olingo hands the multipart body over as a String
    try (OutputStream out = x.sink.body()) {
      if (entity instanceof InputStream in) {
        in.transferTo(out);
      } else {
        out.write(String.valueOf(entity).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<BatchRequestPart> parse(Exchange x, String contentType) {
    PathInfo root = new BatchRoot(URI.create(x.call.urls().serviceRoot()));
    try {
      byte[] body = x.call.body().read();
      return EntityProvider.parseBatchRequest(contentType, new ByteArrayInputStream(body),
          EntityProviderBatchProperties.init().pathInfo(root).build());
    } catch (BatchException e) {
      throw VmmErrors.malformedPayload("multipart/mixed $batch", OlingoUriParser.message(e));
    } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
      // Olingo's multipart parser fails on some malformed framing without a BatchException
      throw VmmErrors.malformedPayload("multipart/mixed $batch", "the multipart framing cannot be parsed ("
          + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BatchResponsePart query(Exchange x, BatchRequestPart part) {
    List<ODataResponse> responses = new ArrayList<>();
    for (ODataRequest request : part.getRequests()) {
      CapturedResponse captured = run(x, request, Map.of(), false);
      responses.add(toResponse(captured, request));
    }
    return BatchResponsePart.responses(responses).changeSet(false).build();
  }

  private BatchResponsePart changeSet(Exchange x, BatchRequestPart part) {
    Map<String, String> createdPaths = new HashMap<>();
    List<ODataResponse> responses = new ArrayList<>();
    int index = 0;
    try (ChangeSet changes = changeSets.get()) {
      for (ODataRequest request : part.getRequests()) {
        index++;
        CapturedResponse captured = run(x, request, createdPaths, true);
        if (captured.status() >= 400) {
          changes.rollback();
          return BatchResponsePart.responses(List.of(failure(x, request, captured, index))).changeSet(false).build();
        }
        String contentId = contentId(request);
        String location = captured.headers().get("Location");
        if (contentId != null && location != null && location.startsWith(x.call.urls().serviceRoot())) {
          createdPaths.put(contentId, location.substring(x.call.urls().serviceRoot().length()));
        }
        responses.add(toResponse(captured, request));
      }
    }
    return BatchResponsePart.responses(responses).changeSet(true).build();
  }

  /** The failing operation's error, with a message that says which operation of the change set it was. */
  private ODataResponse failure(Exchange x, ODataRequest request, CapturedResponse captured, int index) {
    String contentId = contentId(request);
    String which = "operation " + index + (contentId == null ? "" : " (Content-ID " + contentId + ")");
    ServiceException error = new ServiceException(captured.status(), "ChangeSetFailed",
        "The change set failed at " + which + " and nothing in it was stored: " + errorText(captured));
    RenderedError rendered = parts.renderError(error, headers(request)::get);
    CapturedResponse response = new CapturedResponse();
    response.status(rendered.status());
    rendered.headers().forEach(response::header);
    response.write(rendered.body());
    return toResponse(response, request);
  }

  /** What the failed operation's error said, as it said it. */
  private static String errorText(CapturedResponse captured) {
    return captured.error() != null ? captured.error().getMessage() : "status " + captured.status();
  }

  private CapturedResponse run(Exchange x, ODataRequest request, Map<String, String> createdPaths,
      boolean inChangeSet) {
    CapturedResponse captured = new CapturedResponse();
    parts.handle(toCall(x, request, createdPaths), captured, inChangeSet);
    return captured;
  }

  /** An {@link ODataCall} for one part: its method, headers and body; its URL resolved against the service root. */
  private static ODataCall toCall(Exchange x, ODataRequest request, Map<String, String> createdPaths) {
    Map<String, String> headers = headers(request);
    List<String> segments = new ArrayList<>();
    for (PathSegment segment : request.getPathInfo().getODataSegments()) {
      segments.add(segment.getPath());
    }
    String path = String.join("/", segments);
    if (path.startsWith("$") && !path.startsWith("$metadata") && !path.startsWith("$batch")) {
      int slash = path.indexOf('/');
      String reference = path.substring(1, slash < 0 ? path.length() : slash);
      String target = createdPaths.get(reference);
      if (target == null) {
        throw VmmErrors.invalidUri("The URL refers to Content-ID '" + reference
            + "', which no earlier operation of this change set created.");
      }
      path = target + (slash < 0 ? "" : path.substring(slash));
    }
    URI requestUri = request.getPathInfo().getRequestUri();
    String rawQuery = requestUri == null ? null : requestUri.getRawQuery();
    byte[] body = readAll(request.getBody());
    // the caller of the batch (its x-ms-principal-id, or who authenticated it) is each part's caller
    // unless the part names its own
    String principal = x.call.header(ODataCall.PRINCIPAL_HEADER);
    if (principal != null) {
      headers.putIfAbsent(ODataCall.PRINCIPAL_HEADER, principal);
    }
    return new ODataCall(request.getMethod().name(), x.call.subscription(),
        new ServiceUrls(x.call.urls().serviceRoot()), path, rawQuery, headers::get, () -> body, x.call.tenantApi());
  }

  /**
   * A part's headers, looked up case-insensitively as HTTP headers are. Olingo's batch parser splits
   * a header's value at its commas; the values are joined again with ", " as HTTP joins repeated
   * headers, so that a part's {@code Accept} with several media types negotiates as it would alone.
   */
  private static Map<String, String> headers(ODataRequest request) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    request.getRequestHeaders().forEach((name, values) -> {
      if (!values.isEmpty()) {
        headers.merge(name, String.join(", ", values), (first, more) -> first + ", " + more);
      }
    });
    return headers;
  }

  private static byte[] readAll(InputStream in) {
    if (in == null) {
      return new byte[0];
    }
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentId(ODataRequest request) {
    for (String name : List.of(REQUEST_CONTENT_ID, MIME_CONTENT_ID)) {
      String value = request.getRequestHeaderValue(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static ODataResponse toResponse(CapturedResponse captured, ODataRequest request) {
    ODataResponse.ODataResponseBuilder response = ODataResponse.status(HttpStatusCodes.fromStatusCode(captured.status()));
    captured.headers().forEach(response::header);
    String mimeId = request.getRequestHeaderValue(MIME_CONTENT_ID);
    String requestId = request.getRequestHeaderValue(REQUEST_CONTENT_ID);
    if (mimeId != null) {
      response.header(MIME_CONTENT_ID, mimeId);
    }
    if (requestId != null) {
      response.header(REQUEST_CONTENT_ID, requestId);
    }
    if (captured.bytes().length > 0) {
      response.entity(new ByteArrayInputStream(captured.bytes()));
    }
    return response.build();
  }

  /**
   * The service root the parts' URLs are relative to. Of the {@link PathInfo} it is given, Olingo's
   * batch parser reads only the service root and the segments before it (none here).
   */
  private record BatchRoot(URI serviceRoot) implements PathInfo {
    @Override
    public URI getServiceRoot() {
      return serviceRoot;
    }

    @Override
    public List<PathSegment> getPrecedingSegments() {
      return List.of();
    }

    @Override
    public List<PathSegment> getODataSegments() {
      return List.of();
    }

    @Override
    public URI getRequestUri() {
      return null;
    }
  }
}
