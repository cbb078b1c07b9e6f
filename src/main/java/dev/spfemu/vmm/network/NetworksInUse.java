package dev.spfemu.vmm.network;

import dev.spfemu.error.VmmRuleErrors;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Refuses to delete a VM network, subnet or static IP address pool that network adapters of virtual
 * machines still use, as VMM refuses to remove a VM network with connected adapters. The adapters are
 * found through secondary indexes on their {@code VMNetworkId} and {@code VMSubnetId} (with the
 * stamp), so a check costs a look-up and the adapters of that network, not a scan of all adapters.
 * Made when the domain is built, before anything is stored, as it declares those indexes.
 */
public final class NetworksInUse {

  private static final String VIRTUAL_MACHINES = "VirtualMachines";

  private final EntityStore store;
  private final SecondaryIndex byNetwork;
  private final SecondaryIndex bySubnet;
  private final Field<UUID> adapterVm;
  private final Field<UUID> adapterStamp;
  private final int adapterPools;
  private final Field<String> vmName;
  private final Children subnets;
  private final Children pools;

  /** Declares the indexes it needs on the adapters, and on the subnets and pools by what they belong to. */
  public NetworksInUse(EntityStore store, EntityTypeModel adapter, EntityTypeModel vm, EntityTypeModel subnet,
      EntityTypeModel pool) {
    this.store = store;
    this.adapterStamp = Field.guid(adapter, "StampId");
    int stamp = adapterStamp.index();
    this.byNetwork = store.index(adapter.entitySet(), Field.guid(adapter, "VMNetworkId").index(), stamp);
    this.bySubnet = store.index(adapter.entitySet(), Field.guid(adapter, "VMSubnetId").index(), stamp);
    this.adapterVm = Field.guid(adapter, "VMId");
    this.adapterPools = adapter.property("IPv4AddressPoolsId").index();
    this.vmName = Field.string(vm, "Name");
    this.subnets = new Children(store, subnet, "VMNetworkId", "VM subnets");
    this.pools = new Children(store, pool, "VMSubnetId", "static IP address pools");
  }

  /**
   * Refuses the delete of VM network {@code id} on {@code stamp} while VMs' adapters are connected to it
   * or it still has VM subnets.
   */
  public void checkVmNetwork(String subscription, UUID id, UUID stamp, String name) {
    refuseIfUsed(subscription, store.findBy(subscription, byNetwork, EntityKey.of(id, stamp)), adapter -> true,
        "VM network '" + name + "'", "are connected to it");
    subnets.refuseIfAny(subscription, id, stamp, "VM network '" + name + "'");
  }

  /**
   * Refuses the delete of VM subnet {@code id} on {@code stamp} while VMs' adapters are on it or it
   * still has static IP address pools.
   */
  public void checkSubnet(String subscription, UUID id, UUID stamp, String name) {
    refuseIfUsed(subscription, store.findBy(subscription, bySubnet, EntityKey.of(id, stamp)), adapter -> true,
        "VM subnet '" + name + "'", "are on it");
    pools.refuseIfAny(subscription, id, stamp, "VM subnet '" + name + "'");
  }

  /**
   * Refuses the delete of static IP address pool {@code id} of subnet {@code subnet} while VMs' adapters
   * hold addresses from it ({@code IPv4AddressPoolsId} names it); such adapters are on the pool's subnet.
   */
  public void checkPool(String subscription, UUID id, UUID subnet, UUID stamp, String name) {
    if (subnet == null) {
      return;
    }
    refuseIfUsed(subscription, store.findBy(subscription, bySubnet, EntityKey.of(subnet, stamp)),
        adapter -> adapter.value(adapterPools) instanceof List<?> pools && pools.contains(id),
        "static IP address pool '" + name + "'", "hold addresses from it");
  }

  /** Refuses when any of {@code adapters} that {@code uses} belongs to a virtual machine. */
  private void refuseIfUsed(String subscription, List<EntityRecord> adapters, Predicate<EntityRecord> uses,
      String what, String how) {
    Set<String> machines = new TreeSet<>();
    for (EntityRecord adapter : adapters) {
      UUID vm = adapterVm.get(adapter::value);
      if (vm != null && uses.test(adapter)) {
        machines.add(machineName(subscription, vm, adapterStamp.get(adapter::value)));
      }
    }
    if (!machines.isEmpty()) {
      throw VmmRuleErrors.inUse(what, how, machines);
    }
  }

  /** The VM's name, or its ID when it has none (or is not stored: an adapter a world file left behind). */
  private String machineName(String subscription, UUID vm, UUID stamp) {
    return store.find(subscription, VIRTUAL_MACHINES, EntityKey.of(vm, stamp))
        .map(found -> vmName.get(found::value))
        .map(name -> "'" + name + "'")
        .orElse("'" + vm + "'");
  }

  /** The subnets of a network, or the pools of a subnet, found through an index on their parent's ID. */
  private static final class Children {
    private final EntityStore store;
    private final SecondaryIndex byParent;
    private final Field<String> name;
    private final String kind;

    Children(EntityStore store, EntityTypeModel type, String parent, String kind) {
      this.store = store;
      this.byParent = store.index(type.entitySet(), Field.guid(type, parent).index(),
          Field.guid(type, "StampId").index());
      this.name = Field.string(type, "Name");
      this.kind = kind;
    }

    void refuseIfAny(String subscription, UUID parent, UUID stamp, String what) {
      Set<String> names = new TreeSet<>();
      for (EntityRecord child : store.findBy(subscription, byParent, EntityKey.of(parent, stamp))) {
        names.add("'" + name.get(child::value) + "'");
      }
      if (!names.isEmpty()) {
        throw VmmRuleErrors.stillHas(what, kind, names);
      }
    }
  }
}
