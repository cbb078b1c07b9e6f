package dev.spfemu.server;

import dev.spfemu.model.Guids;

/**
 * Splits a request path into one of SPF's VMM service roots and the OData resource path after it:
 * <ul>
 *   <li>{@code /{subscription-id}/services/systemcenter/vmm/} (Windows Azure Pack's tenant API);</li>
 *   <li>{@code /SC2012R2/VMM/{subscription-id}/Microsoft.Management.Odata.svc/} (SPF itself, one
 *       tenant: the same data as the first);</li>
 *   <li>{@code /SC2012R2/VMM/Microsoft.Management.Odata.svc/} (SPF itself, as the Azure Pack
 *       resource provider sees it: every subscription).</li>
 * </ul>
 * and SPF's Admin web service root, {@code /SC2012R2/Admin/Microsoft.Management.Odata.svc/} (stamps,
 * servers, tenants: {@link Service#ADMIN}).
 * {@code SC2012} (SPF 2012 SP1) works in place of {@code SC2012R2}. Fixed segments compare
 * case-insensitively, as IIS routes them; a subscription id must be a GUID.
 *
 * @param subscription the subscription id as written in the path, or null for a root without one
 * @param rootPath the service root path as written in the request, ending with '/'
 * @param resourcePath the rest, still percent-encoded, without a leading '/'
 * @param service which of SPF's web services the root is
 */
record ServiceRootPath(String subscription, String rootPath, String resourcePath, Service service) {

  private static final String SPF_SERVICE = "Microsoft.Management.Odata.svc";

  /** SPF's web services the emulator serves, each with its own model and pipeline. */
  enum Service { VMM, ADMIN }

  /** A VMM service root. */
  ServiceRootPath(String subscription, String rootPath, String resourcePath) {
    this(subscription, rootPath, resourcePath, Service.VMM);
  }

  /** The parts of {@code rawPath}, or null if it is under no VMM service root. */
  static ServiceRootPath match(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return null;
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    if (segments.length >= 4 && Guids.isGuid(segments[0]) && equal(segments, 1, "services", "systemcenter", "vmm")) {
      return at(rawPath, segments, 4, segments[0]);
    }
    boolean spf = segments.length >= 3 && (segments[0].equalsIgnoreCase("SC2012R2")
        || segments[0].equalsIgnoreCase("SC2012")) && segments[1].equalsIgnoreCase("VMM");
    if (spf && segments[2].equalsIgnoreCase(SPF_SERVICE)) {
      return at(rawPath, segments, 3, null);
    }
    if (spf && segments.length >= 4 && Guids.isGuid(segments[2]) && segments[3].equalsIgnoreCase(SPF_SERVICE)) {
      return at(rawPath, segments, 4, segments[2]);
    }
    return admin(rawPath, segments);
  }

  /** SPF's Admin web service root, {@code /SC2012R2/Admin/Microsoft.Management.Odata.svc/}, or null. */
  private static ServiceRootPath admin(String rawPath, String[] segments) {
    boolean admin = segments.length >= 3 && (segments[0].equalsIgnoreCase("SC2012R2")
        || segments[0].equalsIgnoreCase("SC2012")) && segments[1].equalsIgnoreCase("Admin")
        && segments[2].equalsIgnoreCase(SPF_SERVICE);
    if (!admin) {
      return null;
    }
    ServiceRootPath root = at(rawPath, segments, 3, null);
    return new ServiceRootPath(null, root.rootPath(), root.resourcePath(), Service.ADMIN);
  }

  /** The entity set the resource path starts with, or null (the service document, $metadata, $batch…). */
  String entitySet() {
    if (resourcePath.isEmpty() || resourcePath.charAt(0) == '$') {
      return null;
    }
    int end = resourcePath.length();
    for (char stop : new char[] {'(', '/', '?'}) {
      int at = resourcePath.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return resourcePath.substring(0, end);
  }

  /** The root made of the first {@code rootSegments} segments; the rest is the resource path. */
  private static ServiceRootPath at(String rawPath, String[] segments, int rootSegments, String subscription) {
    int end = 0;
    for (int i = 0; i < rootSegments; i++) {
      end += 1 + segments[i].length();
    }
    if (end == rawPath.length()) {
      return new ServiceRootPath(subscription, rawPath + "/", "");
    }
    return new ServiceRootPath(subscription, rawPath.substring(0, end + 1), rawPath.substring(end + 1));
  }

  private static boolean equal(String[] segments, int from, String... expected) {
    for (int i = 0; i < expected.length; i++) {
      if (!segments[from + i].equalsIgnoreCase(expected[i])) {
        return false;
      }
    }
    return true;
  }
}
