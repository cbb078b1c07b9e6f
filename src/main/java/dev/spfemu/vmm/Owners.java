package dev.spfemu.vmm;

import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.vmm.role.SubscriptionRoles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new VM's or VM network's {@code Owner} as VMM makes it: the caller where the body's Owner or its
 * members are null. {@code UserName} is the caller's {@code x-ms-principal-id}; {@code RoleID} and
 * {@code RoleName} are the subscription's VMM user role: the {@code UserRoles} entity whose ID is the
 * subscription's (as WAP makes it), else the subscription's only user role, else none (left null).
 */
final class Owners {

  private static final List<String> OWNED = List.of("VirtualMachines", "VMNetworks");
  private static final String ROLES = "UserRoles";

  private final SubscriptionRoles roles;
  /** The Owner property of each owned set, with its members, resolved once. */
  private final Map<String, OwnerProperty> ownerOf = new HashMap<>();
  private final PropertyModel roleName;

  Owners(ServiceModel model, EntityStore store) {
    this.roles = new SubscriptionRoles(store);
    for (String set : OWNED) {
      PropertyModel owner = model.byEntitySet(set).property("Owner");
      if (owner != null && owner.complex() != null) {
        ComplexTypeModel type = owner.complex();
        ownerOf.put(set, new OwnerProperty(owner, type.property("UserName"), type.property("RoleName"),
            type.property("RoleID")));
      }
    }
    this.roleName = model.byEntitySet(ROLES) == null ? null : model.byEntitySet(ROLES).property("Name");
  }

  /** Fills the null members of {@code payload}'s Owner, if its type has one that VMM fills. */
  void fill(String subscription, EntityPayload payload, String principal) {
    OwnerProperty owned = ownerOf.get(payload.type().entitySet());
    if (owned == null) {
      return;
    }
    PropertyModel owner = owned.owner();
    ComplexTypeModel type = owner.complex();
    PropertyModel user = owned.user();
    PropertyModel name = owned.roleName();
    PropertyModel id = owned.roleId();
    Object[] values = new Object[type.properties().size()];
    if (payload.value(owner) instanceof ComplexValue given) {
      for (int i = 0; i < values.length; i++) {
        values[i] = given.value(i);
      }
    }
    if (values[user.index()] == null && principal != null && !principal.isBlank()) {
      values[user.index()] = principal.trim();
    }
    if (values[id.index()] == null && values[name.index()] == null) {
      role(subscription).ifPresent(role -> {
        values[id.index()] = role.key().value(0);
        values[name.index()] = roleName == null ? null : role.value(roleName.index());
      });
    }
    boolean filled = false;
    for (int i = 0; i < values.length; i++) {
      filled |= values[i] != null;
    }
    if (filled && !(payload.value(owner) instanceof ComplexValue same && sameValues(same, values))) {
      payload.set(owner, new ComplexValue(type, values)); // nothing to say: the Owner stays as sent
    }
  }

  private static boolean sameValues(ComplexValue given, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!java.util.Objects.equals(given.value(i), values[i])) {
        return false;
      }
    }
    return true;
  }

  /** The subscription's VMM user role (see {@link SubscriptionRoles}); none without a UserRoles type. */
  private Optional<EntityRecord> role(String subscription) {
    return roleName == null ? Optional.empty() : roles.of(subscription);
  }

  /** An Owner property ({@code VMM.UserAndRole}) and the members VMM fills. */
  private record OwnerProperty(PropertyModel owner, PropertyModel user, PropertyModel roleName, PropertyModel roleId) {
  }
}
