package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The principal authentication sets as the servlet request's attribute {@link AccessLog#PRINCIPAL_ATTRIBUTE}
 * is the one the access line names, ahead of the {@code x-ms-principal-id} header.
 */
class AccessLogPrincipalTest {

  @Test
  void theAuthenticatedPrincipalAttributeIsLoggedInsteadOfTheHeader() throws Exception {
    Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(AccessLog.PRINCIPAL_ATTRIBUTE, "CONTOSO\\alice");
        response.setStatus(204);
      }
    }), "/*");
    server.setHandler(context);
    server.setRequestLog(new AccessLog());
    server.start();
    Predicate<String> expected = l -> l.startsWith("GET /x 204 ") && l.endsWith(" principal=CONTOSO\\alice");
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort()
          + "/x")).header("x-ms-principal-id", "mallory").build(), HttpResponse.BodyHandlers.discarding());
      // Jetty logs a request once its exchange has completed, which may be just after the client has its
      // answer: wait for the line (a stop right away may cut that completion short) rather than assume it
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (lines.list.stream().map(ILoggingEvent::getFormattedMessage).noneMatch(expected)
          && System.nanoTime() < giveUp) {
        Thread.sleep(10);
      }
    } finally {
      server.stop();
      access.detachAppender(lines);
    }
    assertTrue(lines.list.stream().map(ILoggingEvent::getFormattedMessage).anyMatch(expected), lines.list.toString());
  }
}
