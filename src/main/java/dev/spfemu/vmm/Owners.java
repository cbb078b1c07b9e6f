package dev.spfemu.vmm;

import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A new VM's or VM network's {@code Owner} as VMM makes it: the caller where the body's Owner or its
 * members are null. {@code UserName} is the caller's {@code x-ms-principal-id}; {@code RoleID} and
 * {@code RoleName} are the subscription's VMM user role: the {@code UserRoles} entity whose ID is the
 * subscription's (as WAP makes it), else the subscription's only user role, else none (left null).
 */
final class Owners {

  private static final List<String> OWNED = List.of("VirtualMachines", "VMNetworks");
  private static final String ROLES = "UserRoles";

  private final EntityStore store;
  /** The Owner property of each owned set, with its members, resolved once. */
  private final Map<String, OwnerProperty> ownerOf = new HashMap<>();
  private final PropertyModel roleName;

  Owners(ServiceModel model, EntityStore store) {
    this.store = store;
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

  /** The subscription's VMM user role: the one with the subscription's ID, else its only one. */
  private Optional<EntityRecord> role(String subscription) {
    if (roleName == null) {
      return Optional.empty();
    }
    try {
      Optional<EntityRecord> same = store.find(subscription, ROLES, EntityKey.of(UUID.fromString(subscription.trim())));
      if (same.isPresent()) {
        return same;
      }
    } catch (IllegalArgumentException notAGuid) {
      // a subscription whose ID is no GUID has no role of the same ID
    }
    List<EntityRecord> roles = store.list(subscription, ROLES);
    return roles.size() == 1 ? Optional.of(roles.get(0)) : Optional.empty();
  }

  /** An Owner property ({@code VMM.UserAndRole}) and the members VMM fills. */
  private record OwnerProperty(PropertyModel owner, PropertyModel user, PropertyModel roleName, PropertyModel roleId) {
  }
}
