package dev.spfemu.odata.processor;

import dev.spfemu.format.ServiceUrls;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * One OData request as the pipeline sees it, independent of the servlet API (so a {@code $batch}
 * part can be one too).
 *
 * @param method the HTTP method, upper case
 * @param subscription the subscription id from the URL, or null on SPF's all-subscriptions root
 * @param urls the request's service URLs (absolute, from its own scheme and host)
 * @param resourcePath the path after the service root, still percent-encoded, without leading '/'
 * @param rawQuery the query string as sent, or null
 * @param headers header look-up by name, case-insensitive, null when absent
 * @param body the request body, read on demand
 * @param tenantApi whether it came through WAP's tenant API ({@code /{subscription}/services/systemcenter/vmm/}),
 *     which does not pass admin-only sets and operations on
 */
public record ODataCall(String method, String subscription, ServiceUrls urls, String resourcePath,
    String rawQuery, UnaryOperator<String> headers, Body body, boolean tenantApi) {

  /**
   * The caller, as WAP and SPF clients name it (a new VM's {@code Owner.UserName}); on a root of every
   * subscription it may name the subscription.
   */
  public static final String PRINCIPAL_HEADER = "x-ms-principal-id";

  /** The request body, read at most once and only when a handler needs it. */
  @FunctionalInterface
  public interface Body {
    /** The whole body; empty when there is none. Throws a 413 ServiceException when too large. */
    byte[] read() throws IOException;
  }

  public String header(String name) {
    return headers.apply(name);
  }

  /** The same request, in the scope of one subscription. */
  ODataCall inSubscription(String owner) {
    return new ODataCall(method, owner, urls, resourcePath, rawQuery, headers, body, tenantApi);
  }
}
