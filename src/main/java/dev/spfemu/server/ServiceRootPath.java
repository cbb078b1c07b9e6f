package dev.spfemu.server;

import dev.spfemu.model.Guids;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request path into one of SPF's VMM service roots and the OData resource path after it:
 * <ul>
 *   <li>{@code /{subscription-id}/services/systemcenter/vmm/} (Windows Azure Pack's tenant API);</li>
 *   <li>{@code /SC2012R2/VMM/{subscription-id}/Microsoft.Management.Odata.svc/} (SPF itself, one
 *       tenant: the same data as the first);</li>
 *   <li>{@code /SC2012R2/VMM/Microsoft.Management.Odata.svc/} (SPF itself, as the Azure Pack
 *       resource provider sees it: every subscription);</li>
 *   <li>{@code /services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/} (Windows Azure
 *       Pack's admin API, which passes SPF's all-subscriptions root through: every subscription).</li>
 * </ul>
 * and SPF's Admin web service root, {@code /SC2012R2/Admin/Microsoft.Management.Odata.svc/} (stamps,
 * servers, tenants: {@link Service#ADMIN}).
 * {@code SC2012} (SPF 2012 SP1) works in place of {@code SC2012R2}. Fixed segments compare
 * case-insensitively, as IIS routes them; a subscription id must be a GUID. Empty segments are
 * ignored, as WCF Data Services ignores them: clients that join a base URL ending in '/' to a path
 * starting with '/' send {@code …svc//VirtualMachines} or {@code //{subscription}/services/…}. The
 * root is then named without them, so the URLs the service writes are canonical.
 *
 * @param subscription the subscription id as written in the path, or null for a root without one
 * @param rootPath the service root path as written in the request (less empty segments), ending with '/'
 * @param resourcePath the rest, still percent-encoded, without a leading '/' or empty segments
 * @param service which of SPF's web services the root is
 */
record ServiceRootPath(String subscription, String rootPath, String resourcePath, Service service) {

  private static final String SPF_SERVICE = "Microsoft.Management.Odata.svc";
  private static final String TENANT_ROOT_END = "/services/systemcenter/vmm/";

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
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    int count = segments.size();
    if (count >= 4 && Guids.isGuid(segments.get(0)) && equal(segments, 1, "services", "systemcenter", "vmm")) {
      return at(rawPath, segments, 4, segments.get(0));
    }
    if (count >= 5 && equal(segments, 0, "services", "systemcenter") && isSpf(segments, 2)
        && segments.get(4).equalsIgnoreCase(SPF_SERVICE)) {
      return at(rawPath, segments, 5, null);
    }
    if (count >= 3 && isSpf(segments, 0) && segments.get(2).equalsIgnoreCase(SPF_SERVICE)) {
      return at(rawPath, segments, 3, null);
    }
    if (count >= 4 && isSpf(segments, 0) && Guids.isGuid(segments.get(2))
        && segments.get(3).equalsIgnoreCase(SPF_SERVICE)) {
      return at(rawPath, segments, 4, segments.get(2));
    }
    return admin(rawPath, segments);
  }

  /** SPF's Admin web service root, {@code /SC2012R2/Admin/Microsoft.Management.Odata.svc/}, or null. */
  private static ServiceRootPath admin(String rawPath, List<String> segments) {
    boolean admin = segments.size() >= 3 && (segments.get(0).equalsIgnoreCase("SC2012R2")
        || segments.get(0).equalsIgnoreCase("SC2012")) && segments.get(1).equalsIgnoreCase("Admin")
        && segments.get(2).equalsIgnoreCase(SPF_SERVICE);
    if (!admin) {
      return null;
    }
    ServiceRootPath root = at(rawPath, segments, 3, null);
    return new ServiceRootPath(null, root.rootPath(), root.resourcePath(), Service.ADMIN);
  }

  /** Whether this is WAP's tenant API root, {@code /{subscription}/services/systemcenter/vmm/}. */
  boolean tenantApi() {
    return service == Service.VMM && subscription != null && rootPath.regionMatches(true,
        rootPath.length() - TENANT_ROOT_END.length(), TENANT_ROOT_END, 0, TENANT_ROOT_END.length());
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

  /** Whether SPF's {@code SC2012R2/VMM} (or SPF 2012 SP1's {@code SC2012/VMM}) starts at {@code from}. */
  private static boolean isSpf(List<String> segments, int from) {
    String version = segments.get(from);
    return (version.equalsIgnoreCase("SC2012R2") || version.equalsIgnoreCase("SC2012"))
        && segments.get(from + 1).equalsIgnoreCase("VMM");
  }

  /** The root made of the first {@code rootSegments} segments; the rest is the resource path. */
  private static ServiceRootPath at(String rawPath, List<String> segments, int rootSegments, String subscription) {
    boolean trailingSlash = rawPath.charAt(rawPath.length() - 1) == '/';
    if (rawPath.indexOf("//") < 0 && !(trailingSlash && segments.size() > rootSegments)) {
      // No empty segment to leave out (the usual request): both parts are substrings of the path.
      int end = 0;
      for (int i = 0; i < rootSegments; i++) {
        int slash = rawPath.indexOf('/', end + 1);
        end = slash < 0 ? rawPath.length() : slash;
      }
      return end < rawPath.length()
          ? new ServiceRootPath(subscription, rawPath.substring(0, end + 1), rawPath.substring(end + 1))
          : new ServiceRootPath(subscription, rawPath + "/", "");
    }
    return new ServiceRootPath(subscription, "/" + String.join("/", segments.subList(0, rootSegments)) + "/",
        String.join("/", segments.subList(rootSegments, segments.size())));
  }

  private static boolean equal(List<String> segments, int from, String... expected) {
    for (int i = 0; i < expected.length; i++) {
      if (!segments.get(from + i).equalsIgnoreCase(expected[i])) {
        return false;
      }
    }
    return true;
  }
}
