package dev.spfemu.server;

import dev.spfemu.error.ServiceException;
import dev.spfemu.odata.processor.ODataPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word on failures the stages after it did not answer: a connection that broke while
 * answering is only logged (there is no one to answer), anything else is a bug, logged and answered
 * as a 500 OData error rather than Jetty's HTML page.
 */
final class UnexpectedFailureStage implements Stage {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureStage.class);

  private final ODataPipeline pipeline;
  private final ServerHealth health;

  UnexpectedFailureStage(ODataPipeline pipeline, ServerHealth health) {
    this.pipeline = pipeline;
    this.health = health;
  }

  @Override
  public void handle(ODataExchange exchange, Next next) throws IOException {
    try {
      next.handle(exchange);
    } catch (UncheckedIOException e) {
      LOG.debug("connection failed while answering {} {}", exchange.method(), exchange.path(), e);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("unexpected failure answering {} {}", exchange.method(), exchange.path(), e);
      answer(exchange, new ServiceException(500, "InternalError",
          "The emulator failed unexpectedly: " + e + ". Please report this with the request."));
    } catch (OutOfMemoryError e) {
      health.outOfMemory(exchange.method() + " " + exchange.path(), e);
      LOG.error("out of memory answering {} {}", exchange.method(), exchange.path(), e);
      answer(exchange, new ServiceException(503, "ServiceUnavailable",
          "The emulator ran out of memory answering this request. Try again later or with a smaller request;"
              + " restart the emulator if it persists."));
    }
  }

  private void answer(ODataExchange exchange, ServiceException error) throws IOException {
    if (!exchange.response().isCommitted()) {
      exchange.reset();
      ODataErrorHandlers.send(pipeline.renderError(error, exchange::header), exchange);
    }
  }
}
