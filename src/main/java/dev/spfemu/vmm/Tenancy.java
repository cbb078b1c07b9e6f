package dev.spfemu.vmm;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.model.Guids;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which subscription a new entity belongs to when it is created through a root that sees every
 * subscription (SPF's own root, WAP's admin root), where the URL names none. The Terraform provider
 * creates VMs and disk drives there. An entity goes where what it hangs off is: the subscription
 * holding, on the new entity's {@code StampId}, the cloud, template, hardware profile or disk of a new
 * VM, the VM of a new checkpoint or drive, the network of a new subnet… (all of them, if several are
 * named). Failing that, the subscription the body's {@code Owner.RoleID} or an {@code x-ms-principal-id}
 * GUID names. Otherwise the create is refused with what to send.
 */
final class Tenancy {

  private static final String STAMP = "StampId";

  /** What the entities of each set hang off: a property naming an entity of another set by (ID, StampId). */
  private static final Map<String, List<Parent>> PARENTS = Map.ofEntries(
      Map.entry("VirtualMachines", List.of(new Parent("CloudId", "Clouds"), new Parent("VMTemplateId", "VMTemplates"),
          new Parent("HardwareProfileId", "HardwareProfiles"), new Parent("VirtualHardDiskId", "VirtualHardDisks"))),
      Map.entry("VMCheckPoints", List.of(new Parent("VMId", "VirtualMachines"))),
      Map.entry("VirtualDiskDrives", List.of(new Parent("VMId", "VirtualMachines"),
          new Parent("VirtualHardDiskId", "VirtualHardDisks"))),
      Map.entry("VirtualDVDDrives", List.of(new Parent("VMId", "VirtualMachines"))),
      Map.entry("VirtualNetworkAdapters", List.of(new Parent("VMId", "VirtualMachines"),
          new Parent("VMNetworkId", "VMNetworks"))),
      Map.entry("VMNetworks", List.of(new Parent("LogicalNetworkId", "LogicalNetworks"))),
      Map.entry("VMSubnets", List.of(new Parent("VMNetworkId", "VMNetworks"))),
      Map.entry("StaticIPAddressPools", List.of(new Parent("VMSubnetId", "VMSubnets"))),
      Map.entry("VMNetworkGateways", List.of(new Parent("VMNetworkId", "VMNetworks"))),
      Map.entry("NATConnections", List.of(new Parent("VMNetworkGatewayId", "VMNetworkGateways"))),
      Map.entry("VPNConnections", List.of(new Parent("VMNetworkGatewayId", "VMNetworkGateways"))),
      Map.entry("NATRules", List.of(new Parent("NATConnectionId", "NATConnections"))));

  /** A property of a new entity that names the entity it hangs off, and the set that one is in. */
  private record Parent(String property, String entitySet) {
  }

  /** The resolved parents, stamp and owner of one type. */
  private record Scope(List<Field<UUID>> parents, List<String> parentSets, Field<UUID> stamp, PropertyModel owner,
      int ownerRole) {
  }

  private final EntityStore store;
  private final Map<String, Scope> scopes;

  Tenancy(ServiceModel model, EntityStore store) {
    this.store = store;
    Map<String, Scope> scopes = new HashMap<>();
    for (EntityTypeModel type : model.entityTypes()) {
      List<Field<UUID>> parents = new ArrayList<>();
      List<String> parentSets = new ArrayList<>();
      for (Parent parent : PARENTS.getOrDefault(type.entitySet(), List.of())) {
        parents.add(Field.guid(type, parent.property()));
        parentSets.add(parent.entitySet());
      }
      Field<UUID> stamp = type.property(STAMP) == null ? null : Field.guid(type, STAMP);
      PropertyModel owner = type.property("Owner");
      PropertyModel role = owner == null || owner.complex() == null ? null : owner.complex().property("RoleID");
      scopes.put(type.entitySet(), new Scope(List.copyOf(parents), List.copyOf(parentSets), stamp,
          role == null ? null : owner, role == null ? -1 : role.index()));
    }
    this.scopes = Map.copyOf(scopes);
  }

  /**
   * The subscription a new entity of {@code type} belongs to.
   *
   * @param principal the caller's {@code x-ms-principal-id}, or null
   * @throws dev.spfemu.error.ServiceException 400 when nothing names it, or its parents disagree
   */
  String subscriptionFor(EntityTypeModel type, EntityPayload payload, String principal) {
    Scope scope = scopes.get(type.entitySet());
    UUID stamp = scope.stamp() == null ? null : scope.stamp().get(payload);
    if (scope.stamp() != null && stamp == null) {
      throw VmmErrors.missingRequiredProperty(STAMP, type.qualifiedName());
    }
    Set<String> candidates = null;
    List<String> found = new ArrayList<>();
    for (int i = 0; i < scope.parents().size(); i++) {
      UUID parent = scope.parents().get(i).get(payload);
      Set<String> holders = parent == null ? Set.of() : holders(scope.parentSets().get(i), parent, stamp);
      if (holders.isEmpty()) {
        continue;
      }
      found.add(scope.parents().get(i) + " in " + String.join(" and ", holders));
      candidates = candidates == null ? new LinkedHashSet<>(holders) : candidates;
      candidates.retainAll(holders);
      if (candidates.isEmpty()) {
        throw VmmErrors.subscriptionUnknown(type.qualifiedName(), "what it names is in different subscriptions ("
            + String.join(", ", found) + ")", whatToSend(type, scope));
      }
    }
    String named = named(scope, payload, principal);
    if (candidates == null && named != null) {
      return named;
    }
    if (candidates != null && candidates.size() == 1) {
      return candidates.iterator().next();
    }
    if (candidates != null && named != null && candidates.contains(named)) {
      return named;
    }
    throw VmmErrors.subscriptionUnknown(type.qualifiedName(), candidates == null
        ? "nothing it names is in a subscription" : "what it names is in several (" + String.join(", ", found) + ")",
        whatToSend(type, scope));
  }

  /** The subscriptions holding the entity of {@code entitySet} with key (id, stamp). */
  private Set<String> holders(String entitySet, UUID id, UUID stamp) {
    Set<String> holders = new LinkedHashSet<>();
    EntityKey key = EntityKey.of(id, stamp);
    for (String subscription : store.subscriptions()) {
      if (store.find(subscription, entitySet, key).isPresent()) {
        holders.add(subscription);
      }
    }
    return holders;
  }

  /** The subscription the body's Owner.RoleID or the principal names (a subscription's ID), lower case; or null. */
  private static String named(Scope scope, EntityPayload payload, String principal) {
    if (scope.owner() != null && payload.value(scope.owner()) instanceof ComplexValue owner
        && owner.value(scope.ownerRole()) instanceof UUID role) {
      return role.toString();
    }
    String trimmed = principal == null ? "" : principal.trim();
    return Guids.isGuid(trimmed) ? trimmed.toLowerCase(Locale.ROOT) : null;
  }

  private static String whatToSend(EntityTypeModel type, Scope scope) {
    List<String> parents = new ArrayList<>();
    for (int i = 0; i < scope.parents().size(); i++) {
      parents.add(scope.parents().get(i) + " (an entity of " + scope.parentSets().get(i) + ")");
    }
    return (parents.isEmpty() ? "" : "the " + String.join(" or ", parents) + " on its StampId, ")
        + (scope.owner() == null ? "" : "an Owner whose RoleID is the subscription's ID, ")
        + "or x-ms-principal-id: {subscription-id}; or POST to /{subscription-id}/services/systemcenter/vmm/"
        + type.entitySet();
  }
}
