package dev.spfemu.server;

import dev.spfemu.format.codec.Guids;

/**
 * Splits a request path into the tenant service root {@code /{subscription-id}/services/systemcenter/vmm/}
 * and the OData resource path after it. The fixed segments compare case-insensitively, as IIS
 * routes them; the subscription id must be a GUID.
 *
 * @param subscription the subscription id as written in the path
 * @param rootPath the service root path as written in the request, ending with '/'
 * @param resourcePath the rest, still percent-encoded, without a leading '/'
 */
record ServiceRootPath(String subscription, String rootPath, String resourcePath) {

  private static final String TAIL = "/services/systemcenter/vmm";
  private static final int GUID_LENGTH = 36;

  /** The parts of {@code rawPath}, or null if it is not under a tenant service root. */
  static ServiceRootPath match(String rawPath) {
    if (rawPath == null || rawPath.length() < 1 + GUID_LENGTH + TAIL.length() || rawPath.charAt(0) != '/') {
      return null;
    }
    String subscription = rawPath.substring(1, 1 + GUID_LENGTH);
    if (!Guids.isGuid(subscription)) {
      return null;
    }
    int tailEnd = 1 + GUID_LENGTH + TAIL.length();
    if (!rawPath.regionMatches(true, 1 + GUID_LENGTH, TAIL, 0, TAIL.length())) {
      return null;
    }
    if (rawPath.length() == tailEnd) {
      return new ServiceRootPath(subscription, rawPath + "/", "");
    }
    if (rawPath.charAt(tailEnd) != '/') {
      return null;
    }
    return new ServiceRootPath(subscription, rawPath.substring(0, tailEnd + 1), rawPath.substring(tailEnd + 1));
  }
}
