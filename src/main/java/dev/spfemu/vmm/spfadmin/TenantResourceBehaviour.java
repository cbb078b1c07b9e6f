package dev.spfemu.vmm.spfadmin;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.Outcome;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.UUID;

/**
 * A tenant's resources on one stamp: assigning a stamp to a tenant, which real SPF does by linking
 * them ({@code POST Tenants(guid'…')/$links/Stamps}) and answers by making the tenant's VMM tenant
 * administrator user role ("when a stamp is associated with a tenant, a corresponding VMM tenant
 * administrator user role is created"). The emulator serves no {@code $links}, so the assignment is
 * an entity: its {@code UserRoleID} is that role, the tenant's own ID unless the request names one.
 */
final class TenantResourceBehaviour implements EntityBehaviour {

  private final StoredSet resources;
  private final StoredSet tenants;
  private final TenantFields fields;
  private final TenantUserRoles userRoles;

  TenantResourceBehaviour(StoredSet resources, StoredSet tenants, TenantFields fields, TenantUserRoles userRoles) {
    this.resources = resources;
    this.tenants = tenants;
    this.fields = fields;
    this.userRoles = userRoles;
  }

  @Override
  public Outcome create(String scope, EntityPayload payload, boolean async) {
    UUID tenantId = fields.resourceTenantId.get(payload);
    EntityPayload resource = fields.resourceUserRoleId.get(payload) == null && tenantId != null
        ? Payloads.with(payload, fields.resourceUserRoleId.property(), tenantId) : payload;
    EntityRecord created = resources.create(scope, resource); // checks that the tenant and the stamp exist
    Object[] tenant = tenants.read(scope, EntityKey.of(tenantId)).values();
    userRoles.ensure(fields.subscriptionId.get(tenant), fields.resourceUserRoleId.get(created.values()),
        fields.name.get(tenant));
    return Outcome.stored(created);
  }

  @Override
  public Outcome update(String scope, EntityKey key, EntityPayload payload, boolean async) {
    return Outcome.stored(resources.update(scope, key, payload));
  }

  /** Unassigns the stamp; the tenant's user role stays, as the tenant may use it on other stamps. */
  @Override
  public Outcome delete(String scope, EntityKey key, boolean async) {
    return Outcome.stored(resources.delete(scope, key));
  }
}
