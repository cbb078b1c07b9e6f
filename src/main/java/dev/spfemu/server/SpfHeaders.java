package dev.spfemu.server;

import java.io.IOException;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;

/**
 * Sets the headers real SPF puts on every response, errors included: clients and proxies in front
 * of SPF look for them ({@code x-ms-request-id} ends up in support tickets). A request that starts a
 * VMM job gets the job's ID in {@code x-ms-request-id} instead, set later by the pipeline.
 */
final class SpfHeaders implements Stage {

  private final Supplier<UUID> ids;

  SpfHeaders(Supplier<UUID> ids) {
    this.ids = ids;
  }

  /** Sets real SPF's fixed headers, in real SPF's order; the error handlers outside the chain call it too. */
  static void set(Supplier<UUID> ids, BiConsumer<String, String> header) {
    header.accept("Cache-Control", "no-cache");
    header.accept("x-ms-request-id", ids.get().toString());
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("request-id", ids.get().toString());
  }

  @Override
  public void handle(ODataExchange exchange, Next next) throws IOException {
    HttpFields.Mutable headers = exchange.response().getHeaders();
    set(ids, headers::put);
    next.handle(exchange);
  }
}
