package dev.spfemu.server.auth;

/** Which credentials a service root takes. */
public enum Scope {
  /** SPF's own roots (VMM, per subscription or all, and Admin): Basic or NTLM, as IIS in front of SPF. */
  SPF(false, false),
  /** WAP's tenant API, {@code /{subscription}/services/systemcenter/vmm/}: also bearer tokens and client certificates. */
  TENANT(true, true),
  /** WAP's admin API root: also bearer tokens (valid for every subscription). */
  WAP_ADMIN(true, false),
  /** A path under no root: any valid credential (it is answered 404 once authenticated). */
  ANY(true, true);

  private final boolean bearer;
  private final boolean certificates;

  Scope(boolean bearer, boolean certificates) {
    this.bearer = bearer;
    this.certificates = certificates;
  }

  boolean takesBearer() {
    return bearer;
  }

  boolean takesCertificates() {
    return certificates;
  }
}
