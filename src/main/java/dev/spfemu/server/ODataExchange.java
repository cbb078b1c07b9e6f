package dev.spfemu.server;

import javax.servlet.http.HttpServletRequest;

/**
 * What the stages of the chain learn about one OData request and share: its service root (matched
 * once, though the journal, the faults and the servlet all need it), the body as the servlet read it
 * (the journal keeps it), and what must run just before the response completes (the journal's
 * record, which a stage that drops the connection must trigger itself). It travels as a request
 * attribute, so no stage needs to know which others are in the chain.
 */
final class ODataExchange {

  private static final String ATTRIBUTE = ODataExchange.class.getName();
  private static final Runnable NOTHING = () -> { };

  private final String requestUri;
  private ServiceRootPath root;
  private boolean matched;
  private byte[] body;
  private Runnable beforeCompletion = NOTHING;

  private ODataExchange(String requestUri) {
    this.requestUri = requestUri;
  }

  /** The exchange of {@code request}, made by the first stage that asks. */
  static ODataExchange of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof ODataExchange exchange) {
      return exchange;
    }
    ODataExchange exchange = new ODataExchange(request.getRequestURI());
    request.setAttribute(ATTRIBUTE, exchange);
    return exchange;
  }

  /** The service root the request path is under, or null when it is under none. */
  ServiceRootPath root() {
    if (!matched) {
      root = ServiceRootPath.match(requestUri);
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

  /** Sets what runs just before the response completes (it must tolerate running more than once). */
  void beforeCompletion(Runnable hook) {
    this.beforeCompletion = hook;
  }

  /** Runs the hook: for a stage that ends the exchange without a response to complete (a dropped connection). */
  void completing() {
    beforeCompletion.run();
  }
}
