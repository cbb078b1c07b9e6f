package dev.spfemu.server;

import java.time.Duration;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * How the server keeps slow and many clients from starving everyone else, and how it stops
 * (docs/operations.md, "Slow and many clients, and shutdown").
 *
 * @param idleTimeout a connection that sends and reads nothing this long is closed
 * @param bodyTimeout a request body still incomplete after this long is answered 408
 * @param maxConnections beyond this many open connections, new ones wait to be accepted
 * @param stopTimeout how long stopping waits for requests in flight
 * @param accessLog whether one line per request is logged ({@link AccessLog})
 */
public record ServerLimits(Duration idleTimeout, Duration bodyTimeout, int maxConnections, Duration stopTimeout,
    boolean accessLog) {

  /**
   * While stopping, a connection idle this long is closed: a client's kept-alive connection between
   * requests must not hold the stop up (Jetty's default is seconds, which every test class's close paid).
   */
  private static final long IDLE_WHILE_STOPPING_MILLIS = 50;

  /**
   * Applies the limits to a server whose connectors and handler are in place: every connector's idle
   * timeout, one connection limit over all of them, and in front of the handler the graceful stage
   * (outermost: it counts every request in flight) and the body loader (no thread waits for a body).
   */
  void applyTo(Server server, long maxBodyBytes) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector network) {
        network.setIdleTimeout(idleTimeout.toMillis());
      }
    }
    server.addBean(new NetworkConnectionLimit(maxConnections, server));
    Handler application = server.getHandler();
    GracefulHandler graceful = new GracefulHandler(new BodyLoader(maxBodyBytes, bodyTimeout).handler(application));
    graceful.setShutdownIdleTimeout(IDLE_WHILE_STOPPING_MILLIS);
    server.setHandler(graceful);
    server.setStopTimeout(stopTimeout.toMillis());
    if (accessLog) {
      server.setRequestLog(new AccessLog());
    }
  }
}
