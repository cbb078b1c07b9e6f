package dev.spfemu.vmm.spfadmin;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import java.util.UUID;

/** The properties of the Admin service's tenants and tenant resources that its behaviour uses, resolved once. */
final class TenantFields {

  final Field<UUID> id;
  final Field<String> name;
  final Field<UUID> subscriptionId;
  final Field<Integer> accountStatus;
  final Field<UUID> resourceTenantId;
  final Field<UUID> resourceUserRoleId;

  TenantFields(EntityTypeModel tenant, EntityTypeModel tenantResource) {
    this.id = Field.guid(tenant, "ID");
    this.name = Field.string(tenant, "Name");
    this.subscriptionId = Field.guid(tenant, "SubscriptionID");
    this.accountStatus = Field.int32(tenant, "AccountStatus");
    this.resourceTenantId = Field.guid(tenantResource, "TenantId");
    this.resourceUserRoleId = Field.guid(tenantResource, "UserRoleID");
  }
}
