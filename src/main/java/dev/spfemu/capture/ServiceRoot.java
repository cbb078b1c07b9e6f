package dev.spfemu.capture;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of root a capture starts from, told by its path (docs/api.md): Windows Azure Pack's tenant
 * root {@code /{sub}/services/systemcenter/vmm/}, SPF's per-subscription root
 * {@code /SC2012R2/VMM/{sub}/Microsoft.Management.Odata.svc/} or its all-subscriptions root
 * {@code /SC2012R2/VMM/Microsoft.Management.Odata.svc/}.
 *
 * @param url the root, ending with {@code /}
 * @param subscription the root's subscription, or null on the all-subscriptions root
 * @param tenant true for the tenant root, which serves no admin-only set
 */
record ServiceRoot(String url, String subscription, boolean tenant) {

  private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  private static final Pattern TENANT = Pattern.compile("(?i).*/(" + GUID + ")/services/systemcenter/vmm/");
  private static final Pattern SPF = Pattern.compile("(?i)(.*/SC2012(?:R2)?/)VMM/(?:(" + GUID + ")/)?"
      + "Microsoft\\.Management\\.Odata\\.svc/");

  static ServiceRoot of(URI from) throws CaptureException {
    String scheme = from.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || from.getHost() == null) {
      throw new CaptureException("--from " + from + " is not an http:// or https:// URL");
    }
    String url = from.toString();
    int query = url.indexOf('?');
    if (query >= 0) {
      url = url.substring(0, query);
    }
    if (!url.endsWith("/")) {
      url += "/";
    }
    Matcher tenant = TENANT.matcher(url);
    if (tenant.matches()) {
      return new ServiceRoot(url, tenant.group(1).toLowerCase(), true);
    }
    Matcher spf = SPF.matcher(url);
    if (spf.matches()) {
      return new ServiceRoot(url, spf.group(2) == null ? null : spf.group(2).toLowerCase(), false);
    }
    throw new CaptureException("--from " + from + " is not an SPF VMM root: expected .../{subscription}/services/"
        + "systemcenter/vmm/, .../SC2012R2/VMM/{subscription}/Microsoft.Management.Odata.svc/ or"
        + " .../SC2012R2/VMM/Microsoft.Management.Odata.svc/");
  }

  /** SPF's per-subscription root for {@code id}, beside this all-subscriptions root. */
  ServiceRoot forSubscription(String id) {
    Matcher spf = SPF.matcher(url);
    if (!spf.matches()) {
      throw new IllegalStateException("not an SPF root: " + url);
    }
    return new ServiceRoot(spf.group(1) + "VMM/" + id.toLowerCase() + "/Microsoft.Management.Odata.svc/",
        id.toLowerCase(), false);
  }

  /** SPF's Admin service beside this SPF root ({@code .../SC2012R2/Admin/Microsoft.Management.Odata.svc/}), or null. */
  String adminRoot() {
    Matcher spf = SPF.matcher(url);
    return spf.matches() ? spf.group(1) + "Admin/Microsoft.Management.Odata.svc/" : null;
  }
}
