package dev.spfemu.server;

import dev.spfemu.error.ServiceException;
import dev.spfemu.odata.processor.ODataPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word on failures the stages after it did not answer: a connection that broke while
 * answering is only logged (there is no one to answer), anything else is a bug, logged and answered
 * as a 500 OData error rather than Jetty's HTML page.
 */
final class UnexpectedFailureFilter extends HttpFilter {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureFilter.class);

  private final ODataPipeline pipeline;
  private final ServerHealth health;

  UnexpectedFailureFilter(ODataPipeline pipeline, ServerHealth health) {
    this.pipeline = pipeline;
    this.health = health;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (UncheckedIOException e) {
      LOG.debug("connection failed while answering {} {}", request.getMethod(), request.getRequestURI(), e);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
      answer(request, response, new ServiceException(500, "InternalError",
          "The emulator failed unexpectedly: " + e + ". Please report this with the request."));
    } catch (OutOfMemoryError e) {
      // /_emulator/health reports it from now on; the limits (docs/operations.md) are meant to prevent it
      health.outOfMemory(request.getMethod() + " " + request.getRequestURI(), e);
      LOG.error("out of memory answering {} {}", request.getMethod(), request.getRequestURI(), e);
      answer(request, response, new ServiceException(503, "ServiceUnavailable",
          "The emulator ran out of memory answering this request. Try again later or with a smaller request;"
              + " restart the emulator if it persists."));
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, ServiceException error)
      throws IOException {
    if (!response.isCommitted()) {
      response.reset();
      ODataErrorHandlers.send(pipeline.renderError(error, request::getHeader), response);
    }
  }
}
