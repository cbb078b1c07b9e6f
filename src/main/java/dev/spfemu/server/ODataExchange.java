package dev.spfemu.server;

import dev.spfemu.odata.processor.ODataCall;
import java.io.OutputStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One OData request as the stages of the chain share it: Jetty's request, the response the stages
 * answer through (a stage may wrap it to watch what the others write), the service root (matched
 * once, though the journal, the faults and the pipeline all need it), the body as the last stage
 * read it (the journal keeps it), the caller authentication established, and what must run just
 * before the response completes (the journal's record; {@link #drop} runs it too, as no response
 * will complete), and whether it runs on Jetty's network thread, where nothing may wait
 * ({@link NetworkThread}).
 */
final class ODataExchange {

  private static final Runnable NOTHING = () -> { };

  private final Request request;
  /** How many bytes of answer may be kept in memory on the network thread; negative on a worker thread. */
  private final long keepUpTo;
  private Response response;
  private ServiceRootPath root;
  private boolean matched;
  private byte[] body;
  private String principal;
  private Runnable beforeCompletion = NOTHING;
  private ResponseBody out;
  private boolean dropped;
  private boolean abandoned;

  /**
   * @param keepUpTo on Jetty's network thread, how many bytes of answer may be kept in memory (a longer
   *     one is answered on a worker: {@link WorkerNeeded}); negative on a worker thread, which may wait
   */
  ODataExchange(Request request, Response response, long keepUpTo) {
    this.request = request;
    this.response = response;
    this.keepUpTo = keepUpTo;
  }

  /** Whether this runs on Jetty's network thread, which must not wait for anything. */
  boolean onNetworkThread() {
    return keepUpTo >= 0;
  }

  /**
   * Gives up answering here, for a worker thread to answer the request from the start: the error to
   * throw, before anything has changed. Nothing records an abandoned exchange.
   */
  WorkerNeeded toWorker(String why) {
    abandoned = true;
    return new WorkerNeeded(why);
  }

  /** Whether this attempt is given up, to be answered again on a worker thread. */
  boolean abandoned() {
    return abandoned || (out != null && out.outgrown());
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
      out = keepUpTo >= 0 ? ResponseBody.kept(response, keepUpTo) : ResponseBody.streamed(response);
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

  /** Adds the body written and not yet sent to {@code copy} (the live page's view of the answer). */
  void copyUnsentBody(ResponseCopy copy) {
    if (out != null) {
      out.copyUnsent(copy);
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

  /**
   * Sends what is left of the body without waiting, then completes {@code callback} (a stage that wrote
   * none leaves it to Jetty: an empty body).
   */
  void finish(Callback callback) {
    if (out != null) {
      out.send(callback);
    } else {
      callback.succeeded();
    }
  }
}
