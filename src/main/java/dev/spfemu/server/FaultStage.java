package dev.spfemu.server;

import dev.spfemu.error.ServiceException;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.odata.processor.ODataPipeline;
import java.io.IOException;
import java.time.Duration;

/**
 * Applies the first fault rule a request hits (method, entity set, request URI, headers): waits,
 * then drops the connection, answers the rule's OData error, or serves the request normally. A
 * request waiting in the delay of a rule that is removed meanwhile goes on at once, served normally. Only
 * requests under a service root are candidates; anything else is the pipeline's 404. With no rule
 * (the common case) it costs one empty-list check.
 */
final class FaultStage implements Stage {

  private final FaultRules faults;
  private final ODataPipeline pipeline;

  FaultStage(FaultRules faults, ODataPipeline pipeline) {
    this.faults = faults;
    this.pipeline = pipeline;
  }

  @Override
  public void handle(ODataExchange exchange, Next next) throws IOException {
    FaultRules.Hit fault = faults.isEmpty() ? null : hit(exchange);
    if (fault == null || !inject(fault, exchange)) {
      next.handle(exchange);
    }
  }

  private FaultRules.Hit hit(ODataExchange exchange) {
    ServiceRootPath root = exchange.root();
    return root == null ? null : faults.hit(exchange.method(), root.entitySet(), exchange.path(), exchange::header);
  }

  /** Whether the fault answered the request (else it goes on as if there were none). */
  private boolean inject(FaultRules.Hit hit, ODataExchange exchange) throws IOException {
    FaultRule fault = hit.rule();
    Duration delay = fault.delayFor();
    if (!delay.isZero()) {
      if (exchange.onNetworkThread()) {
        throw exchange.toWorker("a fault rule delays the request"); // added after the request was given this thread
      }
      if (!faults.sleep(hit, delay)) {
        return false; // the rule was removed while the request waited: it is served as if it had never been
      }
    }
    if (fault.dropsConnection()) {
      exchange.drop();
      return true;
    }
    if (fault.status() != 0) {
      ODataErrorHandlers.send(pipeline.renderError(new ServiceException(fault.status(), fault.code(),
          fault.message()), exchange::header), exchange);
      return true;
    }
    return false;
  }
}
