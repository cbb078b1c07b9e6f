package dev.spfemu.vmm.spfadmin;

import dev.spfemu.vmm.entity.EntityRules;
import java.time.OffsetDateTime;

/**
 * A new tenant's subscription is the tenant itself when the request names none: in Windows Azure
 * Pack a tenant's ID is its subscription's ID (the SPF how-to creates a tenant with a fresh GUID as
 * both, and clients read {@code Tenants(guid'<subscription>')}), and an account starts active
 * ({@code AccountStatus} 0; 1 is suspended).
 */
final class TenantRules implements EntityRules {

  private static final int ACTIVE = 0;

  private final TenantFields fields;

  TenantRules(TenantFields fields) {
    this.fields = fields;
  }

  @Override
  public void onCreate(Object[] values, OffsetDateTime now) {
    if (fields.subscriptionId.get(values) == null) {
      fields.subscriptionId.set(values, fields.id.get(values));
    }
    if (fields.accountStatus.get(values) == null) {
      fields.accountStatus.set(values, ACTIVE);
    }
  }
}
