package dev.spfemu.vmm.spfadmin;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.Outcome;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.UUID;

/**
 * What creating and deleting an SPF tenant does beyond storing it. A tenant sent with a
 * {@code SubscriptionID} and no {@code ID} takes the subscription's ID as its own, as Windows Azure
 * Pack's tenants have it; creating it makes its VMM tenant administrator user role (same ID and
 * name) in that subscription, so the tenant's VMM service finds it; deleting it removes that role and
 * the tenant's stamp assignments ({@code TenantResources}).
 */
final class TenantBehaviour implements EntityBehaviour {

  private static final UUID EMPTY = new UUID(0, 0);

  private final StoredSet tenants;
  private final StoredSet resources;
  private final TenantFields fields;
  private final TenantUserRoles userRoles;

  TenantBehaviour(StoredSet tenants, StoredSet resources, TenantFields fields, TenantUserRoles userRoles) {
    this.tenants = tenants;
    this.resources = resources;
    this.fields = fields;
    this.userRoles = userRoles;
  }

  @Override
  public Outcome create(String scope, EntityPayload payload, boolean async) {
    UUID id = fields.id.get(payload);
    UUID subscription = fields.subscriptionId.get(payload);
    EntityPayload tenant = (id == null || EMPTY.equals(id)) && subscription != null
        ? Payloads.with(payload, fields.id.property(), subscription) : payload;
    EntityRecord created = tenants.create(scope, tenant);
    Object[] values = created.values();
    userRoles.ensure(fields.subscriptionId.get(values), fields.id.get(values), fields.name.get(values));
    return Outcome.stored(created);
  }

  @Override
  public Outcome update(String scope, EntityKey key, EntityPayload payload, boolean async) {
    return Outcome.stored(tenants.update(scope, key, payload));
  }

  @Override
  public Outcome delete(String scope, EntityKey key, boolean async) {
    EntityRecord removed = tenants.delete(scope, key);
    Object[] values = removed.values();
    UUID id = fields.id.get(values);
    for (EntityRecord resource : resources.list(scope)) {
      if (id.equals(resource.value(fields.resourceTenantId.index()))) {
        resources.discard(scope, resource.key());
      }
    }
    userRoles.remove(fields.subscriptionId.get(values), id);
    return Outcome.stored(removed);
  }
}
