package dev.spfemu.server;

import dev.spfemu.odata.processor.ODataCall;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One OData request as the stages of the chain share it: Jetty's request, the response the stages
 * answer through (a stage may wrap it to watch what the others write), the service root (matched
 * once, though the journal, the faults and the pipeline all need it), the body as the last stage
 * read it (the journal keeps it), the caller authentication established, and what must run just
 * before the response completes (the journal's record; {@link #drop} runs it too, as no response
 * will complete).
 */
final class ODataExchange {

  private static final Runnable NOTHING = () -> { };

  private final Request request;
  private Response response;
  private ServiceRootPath root;
  private boolean matched;
  private byte[] body;
  private String principal;
  private Runnable beforeCompletion = NOTHING;
  private ResponseBody out;
  private boolean dropped;

  ODataExchange(Request request, Response response) {
    this.request = request;
    this.response = response;
  }

  Request request() {
    return request;
  }

  Response response() {
    return response;
  }

  /** Answers through {@code wrapped} from now on (it wraps the response so far). */
  void response(Response wrapped) {
    this.response = wrapped;
  }

  String method() {
    return request.getMethod();
  }

  /** The request path as sent (still percent-encoded). */
  String path() {
    return request.getHttpURI().getPath();
  }

  /**
   * A request header's first value, or null. The principal authentication established stands for
   * {@value ODataCall#PRINCIPAL_HEADER} when the client did not send one, as the WAP front end adds it.
   */
  String header(String name) {
    String value = request.getHeaders().get(name);
    return value == null && principal != null && ODataCall.PRINCIPAL_HEADER.equalsIgnoreCase(name) ? principal : value;
  }

  /** The service root the request path is under, or null when it is under none. */
  ServiceRootPath root() {
    if (!matched) {
      root = ServiceRootPath.match(path());
      matched = true;
    }
    return root;
  }

  /** Keeps the body once it is read in full (a refused, oversized body is never kept). */
  void body(byte[] bytes) {
    this.body = bytes;
  }

  /** The body as it was read (null when it was not). */
  byte[] body() {
    return body;
  }

  void principal(String principal) {
    this.principal = principal;
  }

  /** The response body; status and headers cannot change once something is written to it. */
  OutputStream responseBody() {
    if (out == null) {
      out = new ResponseBody(response);
    }
    return out;
  }

  /** Forgets the status, the headers and a body not yet sent (for an error answer instead). */
  void reset() {
    response.reset();
    discardBody();
  }

  /** Gives back the body's buffer unsent (the exchange ended in a failure, or starts its answer again). */
  void discardBody() {
    if (out != null) {
      out.discard();
      out = null;
    }
  }

  /** Sets what runs just before the response completes (it must tolerate running more than once). */
  void beforeCompletion(Runnable hook) {
    this.beforeCompletion = hook;
  }

  /**
   * Closes the connection without an answer. No response will complete, so what waits for completion
   * (the journal's record) runs first.
   */
  void drop() {
    beforeCompletion.run();
    dropped = true;
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }

  boolean dropped() {
    return dropped;
  }

  /** Sends what is left of the body (a stage that wrote none leaves it to Jetty: an empty body). */
  void finish() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
