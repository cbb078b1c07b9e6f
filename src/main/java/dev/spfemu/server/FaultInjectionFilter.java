package dev.spfemu.server;

import dev.spfemu.error.ServiceException;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.odata.processor.ODataPipeline;
import java.io.IOException;
import java.time.Duration;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee8.nested.Request;

/**
 * Applies the first fault rule a request hits (method, entity set, request URI, headers): waits,
 * then drops the connection, answers the rule's OData error, or serves the request normally. A
 * request waiting in the delay of a rule that is removed meanwhile goes on at once, served normally. Only
 * requests under a service root are candidates; anything else is the servlet's 404. With no rule
 * (the common case) it costs one empty-list check.
 */
final class FaultInjectionFilter extends HttpFilter {

  private final FaultRules faults;
  private final ODataPipeline pipeline;

  FaultInjectionFilter(FaultRules faults, ODataPipeline pipeline) {
    this.faults = faults;
    this.pipeline = pipeline;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    FaultRules.Hit fault = faults.isEmpty() ? null : hit(request);
    if (fault == null || !inject(fault, request, response)) {
      chain.doFilter(request, response);
    }
  }

  private FaultRules.Hit hit(HttpServletRequest request) {
    ServiceRootPath root = ODataExchange.of(request).root();
    return root == null ? null
        : faults.hit(request.getMethod(), root.entitySet(), request.getRequestURI(), request::getHeader);
  }

  /**
   * Applies an injected fault.
   *
   * @return whether the request is answered (otherwise it is served normally, after the delay)
   */
  private boolean inject(FaultRules.Hit hit, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    FaultRule fault = hit.rule();
    Duration delay = fault.delayFor();
    if (!delay.isZero() && !faults.sleep(hit, delay)) {
      return false; // the rule was removed while the request waited: it is served as if it had never been
    }
    if (fault.dropsConnection()) {
      // no response will complete, so whatever waits for completion (the journal) must run now
      ODataExchange.of(request).completing();
      Request.getBaseRequest(request).getHttpChannel().getEndPoint().close();
      return true;
    }
    if (fault.status() != 0) {
      ODataErrorHandlers.send(pipeline.renderError(new ServiceException(fault.status(), fault.code(),
          fault.message()), request::getHeader), response);
      return true;
    }
    return false;
  }
}
