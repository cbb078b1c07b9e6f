package dev.spfemu.vmm;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the entities a {@code $filter} can only keep, by key or through a store index, when the
 * filter requires {@code Property eq value} of properties that identify them: a client's
 * {@code VMCheckPoints?$filter=VMId eq guid'…'} then costs what the VM's checkpoints cost, not a scan
 * of a million. What is found is a superset of the answer (the protocol side still runs the whole
 * filter on it) and never misses an entity the filter keeps, so the answer is the scan's.
 *
 * <p>Usable are the indexes navigation declares (same positions, same index) and those declared here
 * for the filters clients send (CLIENTS.md §D: checkpoints by {@code VMId}, read-backs by {@code ID},
 * children by parent and stamp before a delete) and for the foreign keys issue 13 names. Nothing
 * else is indexed: each index costs memory per entity and work per change.
 */
final class FilterLookups {

  /** Entity set → the properties of each index declared for filters (beyond navigation's). */
  private static final Map<String, List<List<String>>> DECLARED = Map.ofEntries(
      Map.entry("VMCheckPoints", List.of(List.of("VMId"))),
      Map.entry("Jobs", List.of(List.of("ID"))),
      Map.entry("VirtualMachines", List.of(List.of("ID"), List.of("CloudId"))),
      Map.entry("VirtualNetworkAdapters", List.of(List.of("VMNetworkId"))),
      Map.entry("VMTemplates", List.of(List.of("ID"))),
      Map.entry("HardwareProfiles", List.of(List.of("ID"))),
      Map.entry("VirtualHardDisks", List.of(List.of("ID"))),
      Map.entry("LogicalNetworks", List.of(List.of("ID"))),
      Map.entry("VMNetworks", List.of(List.of("ID"))),
      Map.entry("VMRoleSizeProfiles", List.of(List.of("ID"))),
      Map.entry("VMSubnets", List.of(List.of("ID"), List.of("VMNetworkId", "StampId"))),
      Map.entry("StaticIPAddressPools", List.of(List.of("ID"), List.of("VMSubnetId", "StampId"))),
      Map.entry("VMNetworkGateways", List.of(List.of("VMNetworkId", "StampId"))),
      Map.entry("NATConnections", List.of(List.of("VMNetworkGatewayId", "StampId"))),
      Map.entry("NATRules", List.of(List.of("NATConnectionId", "StampId"))));

  private final EntityStore store;
  /** Entity set → its usable indexes, the most positions first (the fewest candidates). */
  private final Map<String, List<Lookup>> lookups = new HashMap<>();

  private record Lookup(SecondaryIndex index, int[] positions) {
  }

  /** Declares the indexes (so it is made before anything is stored), reusing those already declared. */
  FilterLookups(ServiceModel model, EntityStore store) {
    this.store = store;
    for (EntityTypeModel type : model.entityTypes()) {
      for (NavigationModel navigation : type.navigation()) {
        if (!navigation.byTargetKey()) {
          declare(navigation.target(), navigation.to());
        }
      }
    }
    DECLARED.forEach((set, indexes) -> {
      EntityTypeModel type = model.byEntitySet(set);
      for (List<String> names : indexes) {
        declare(type, names.stream().map(type::property).toList());
      }
    });
    lookups.values().forEach(list -> list.sort((a, b) -> b.positions().length - a.positions().length));
  }

  private void declare(EntityTypeModel type, List<PropertyModel> properties) {
    int[] positions = properties.stream().mapToInt(PropertyModel::index).toArray();
    SecondaryIndex index = store.index(type.entitySet(), positions);
    List<Lookup> known = lookups.computeIfAbsent(type.entitySet(), set -> new ArrayList<>());
    if (known.stream().noneMatch(each -> each.index() == index)) {
      known.add(new Lookup(index, positions));
    }
  }

  /**
   * The entities of {@code type}'s set, in {@code subscriptions} in their order, that have {@code equal}'s
   * values (position → value): by key when it names every key property, else through the index over
   * the most of its positions; empty when neither applies (then only a scan finds them).
   */
  Optional<List<OwnedEntity>> find(EntityTypeModel type, List<String> subscriptions, Map<Integer, Object> equal) {
    if (equal.isEmpty()) {
      return Optional.empty();
    }
    EntityKey key = values(type.keys().stream().mapToInt(PropertyModel::index).toArray(), equal);
    if (key != null) {
      List<OwnedEntity> found = new ArrayList<>(1);
      for (String subscription : subscriptions) {
        store.find(subscription, type.entitySet(), key).ifPresent(record -> found.add(new OwnedEntity(subscription,
            record)));
      }
      return Optional.of(found);
    }
    for (Lookup lookup : lookups.getOrDefault(type.entitySet(), List.of())) {
      EntityKey values = values(lookup.positions(), equal);
      if (values != null) {
        List<OwnedEntity> found = new ArrayList<>();
        for (String subscription : subscriptions) {
          for (EntityRecord record : store.findBy(subscription, lookup.index(), values)) {
            found.add(new OwnedEntity(subscription, record));
          }
        }
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** {@code equal}'s values at {@code positions}, in their order; null unless it has them all. */
  private static EntityKey values(int[] positions, Map<Integer, Object> equal) {
    Object[] values = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      values[i] = equal.get(positions[i]);
      if (values[i] == null) {
        return null;
      }
    }
    return EntityKey.of(values);
  }
}
