package dev.spfemu.vmm.spfadmin;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.vmm.EntitySet;
import java.util.UUID;

/**
 * The VMM side of a tenant: its tenant administrator user role in the VMM service's
 * {@code UserRoles}, in the tenant's subscription. SPF creates that role when it creates the tenant
 * ({@code New-SCSPFTenant} "automatically creates the tenant administrator user role") or assigns it
 * a stamp, with the tenant's name and ID; made through the VMM domain, so its rules and change sets
 * apply.
 */
final class TenantUserRoles {

  /** VMM's user role profile for a tenant's administrators. */
  static final String TENANT_ADMIN = "TenantAdmin";

  private final EntitySet roles;
  private final Field<UUID> id;
  private final Field<String> name;
  private final Field<String> profile;

  TenantUserRoles(EntitySet roles) {
    this.roles = roles;
    EntityTypeModel type = roles.type();
    this.id = Field.guid(type, "ID");
    this.name = Field.string(type, "Name");
    this.profile = Field.string(type, "Profile");
  }

  /** Makes the role {@code roleId} named after the tenant in {@code subscription}, unless it is there. */
  void ensure(UUID subscription, UUID roleId, String tenantName) {
    String partition = subscription.toString();
    if (exists(partition, roleId)) {
      return;
    }
    EntityPayload role = new EntityPayload(roles.type());
    role.put(id.property(), roleId);
    role.put(name.property(), tenantName);
    role.put(profile.property(), TENANT_ADMIN);
    roles.create(partition, role, false);
  }

  /** Deletes the role {@code roleId} of {@code subscription}, if it is there. */
  void remove(UUID subscription, UUID roleId) {
    String partition = subscription.toString();
    if (exists(partition, roleId)) {
      roles.delete(partition, EntityKey.of(roleId), false);
    }
  }

  private boolean exists(String partition, UUID roleId) {
    return roles.list(partition).stream().anyMatch(role -> role.key().equals(EntityKey.of(roleId)));
  }
}
