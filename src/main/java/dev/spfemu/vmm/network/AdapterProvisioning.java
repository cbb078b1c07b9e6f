package dev.spfemu.vmm.network;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobFailure;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A new VM's virtual network adapters, as VMM makes them from the create's
 * {@code NewVirtualNetworkAdapterInput}: one adapter per entry, on the VM network it names (by name
 * or ID), in the named subnet or the network's only one, with a MAC address from the emulator's
 * {@link MacPool} (or the static one sent) and, where the subnet has a static IP address pool, an
 * IPv4 address from it ({@link IpPools}). Without inputs, the VM's template's adapters
 * ({@link TemplateAdapters}) are the defaults: one adapter like each, on its VM network. The networks are checked when the create arrives, so an
 * unknown one is a 404 before anything is stored; the adapters and addresses are made when the
 * creation job completes, and a full pool fails that job. A deleted VM's adapters go with it and give
 * their addresses back; a rolled-back change set gives back what it took.
 */
public final class AdapterProvisioning {

  /** One entry of the input, its network resolved. */
  private record Planned(UUID network, String networkName, UUID subnet, String staticMac, String ipv4Type) {
  }

  private final StoredSet adapters;
  private final StoredSet networks;
  private final StoredSet subnets;
  private final StoredSet pools;
  private final AdapterFields fields;
  private final TemplateAdapters templateAdapters;
  private final MacPool macs = new MacPool();
  private final IpPools ips = new IpPools();
  /** Whether the pools know the addresses of the adapters already stored; false again after a reset. */
  private volatile boolean seeded;

  public AdapterProvisioning(EntityStore store, StoredSet vms, StoredSet adapters, StoredSet networks, StoredSet subnets, StoredSet pools) {
    this.adapters = adapters;
    this.networks = networks;
    this.subnets = subnets;
    this.pools = pools;
    this.fields = new AdapterFields(vms.type(), adapters.type(), networks.type(), subnets.type(), pools.type());
    this.templateAdapters = new TemplateAdapters(store, adapters.type());
  }

  /**
   * Checks a VM create's adapter inputs (404 for a network that does not exist) and returns what its
   * creation job does when it completes: make the adapters of the VM it is given. Without inputs
   * (none, null or empty), the template's adapters are the inputs [C: WAPack sends one input per
   * template adapter, CLIENTS.md D.5]; inputs sent win.
   */
  public Consumer<EntityValues> prepare(String subscription, EntityValues vm) {
    List<Planned> planned = new ArrayList<>();
    Object inputs = vm.value(fields.newAdapterInput);
    if (inputs instanceof List<?> entries && !entries.isEmpty()) {
      for (Object entry : entries) {
        if (entry instanceof ComplexValue input) {
          planned.add(plan(subscription, input));
        }
      }
    } else {
      for (EntityRecord adapter : templateAdapters.of(subscription, fields.vmTemplate.get(vm), fields.vmStamp.get(vm))) {
        planned.add(fromTemplate(subscription, adapter));
      }
    }
    return planned.isEmpty() ? created -> { } : created -> provision(subscription, created, planned);
  }

  private Planned plan(String subscription, ComplexValue input) {
    UUID id = (UUID) input.value(fields.inputNetworkId);
    String name = (String) input.value(fields.inputNetworkName);
    EntityRecord network = null;
    for (EntityRecord candidate : networks.list(subscription)) {
      if (id != null ? id.equals(fields.vmNetworkId.get(candidate::value))
          : name != null && name.equals(fields.vmNetworkName.get(candidate::value))) {
        network = candidate;
        break;
      }
    }
    if (network == null) {
      throw id != null || name == null
          ? VmmErrors.referenceNotFound("NewVirtualNetworkAdapterInput.VMNetworkId", id, "VMNetworks", null)
          : VmmErrors.referenceNotFound("NewVirtualNetworkAdapterInput.VMNetworkName", name, "VMNetworks", null);
    }
    UUID networkId = fields.vmNetworkId.get(network::value);
    String subnetName = (String) input.value(fields.inputSubnetName);
    UUID subnet = subnetOf(subscription, networkId, subnetName);
    String mac = (String) input.value(fields.inputMac);
    boolean staticMac = mac != null && !"Dynamic".equalsIgnoreCase((String) input.value(fields.inputMacType));
    return new Planned(networkId, fields.vmNetworkName.get(network::value), subnet, staticMac ? mac : null,
        (String) input.value(fields.inputIpv4Type));
  }

  /** A template's adapter as a default: its VM network and subnet (else the network's only one), a dynamic MAC [I]. */
  private Planned fromTemplate(String subscription, EntityRecord adapter) {
    UUID id = fields.networkId.get(adapter::value);
    UUID stamp = fields.stamp.get(adapter::value);
    EntityRecord network = id == null ? null : networks.find(subscription, EntityKey.of(id, stamp)).orElse(null);
    if (network == null) {
      throw VmmErrors.referenceNotFound("template network adapter " + fields.id.get(adapter::value) + "'s VMNetworkId",
          id, "VMNetworks", stamp);
    }
    UUID subnet = fields.subnetId.get(adapter::value);
    return new Planned(id, fields.vmNetworkName.get(network::value), subnet != null ? subnet : subnetOf(subscription, id, null),
        null, fields.ipv4Type.get(adapter::value));
  }

  /** The named subnet of the network, or its only one; null if it has none (or several and none named). */
  private UUID subnetOf(String subscription, UUID network, String name) {
    List<EntityRecord> own = new ArrayList<>();
    for (EntityRecord subnet : subnets.list(subscription)) {
      if (network.equals(fields.subnetNetwork.get(subnet::value))) {
        own.add(subnet);
      }
    }
    for (EntityRecord subnet : own) {
      if (name != null && name.equals(fields.subnetName.get(subnet::value))) {
        return fields.subnetOwnId.get(subnet::value);
      }
    }
    if (name != null) {
      throw VmmErrors.referenceNotFound("NewVirtualNetworkAdapterInput.VMSubnetName", name, "VMSubnets", null);
    }
    return own.size() == 1 ? fields.subnetOwnId.get(own.get(0)::value) : null;
  }

  /** Makes the adapters; if an address cannot be had, gives back what it took and fails (the job). */
  private void provision(String subscription, EntityValues vm, List<Planned> planned) {
    if (!seeded) {
      seedFromStore();
    }
    List<Runnable> giveBack = new ArrayList<>();
    List<Object[]> made = new ArrayList<>();
    try {
      for (Planned adapter : planned) {
        made.add(adapter(subscription, vm, adapter, made.size(), giveBack));
      }
    } catch (RuntimeException e) {
      giveBack.forEach(Runnable::run);
      throw e;
    }
    giveBack.forEach(adapters::onRollback); // a rolled-back change set gives the addresses back
    for (Object[] values : made) {
      adapters.insert(subscription, values);
    }
  }

  private Object[] adapter(String subscription, EntityValues vm, Planned planned, int slot, List<Runnable> giveBack) {
    String vmName = fields.vmName.get(vm);
    String mac;
    if (planned.staticMac() != null) {
      mac = planned.staticMac();
      if (!macs.take(subscription, mac)) {
        throw new JobFailure("MACAddressInUse", "The MAC address " + mac + " of the virtual machine '" + vmName
            + "' is already assigned to another virtual network adapter.");
      }
    } else {
      mac = macs.allocate(subscription);
      if (mac == null) {
        throw new JobFailure("MACAddressPoolExhausted", "No MAC address is left in the MAC address pool for the virtual machine '"
            + vmName + "'.");
      }
    }
    String assigned = mac;
    giveBack.add(() -> macs.release(assigned));
    List<String> addresses = List.of();
    List<UUID> poolIds = List.of();
    EntityRecord pool = poolOf(subscription, planned.subnet());
    if (pool != null) {
      UUID poolId = fields.poolId.get(pool::value);
      String address = ips.allocate(subscription, poolId, fields.poolStart.get(pool::value), fields.poolEnd.get(pool::value));
      if (address == null) {
        throw new JobFailure("IPAddressPoolExhausted", "No IP address is left in the static IP address pool " + poolId
            + " for the virtual machine '" + vmName + "'.");
      }
      giveBack.add(() -> ips.release(poolId, address));
      addresses = List.of(address);
      poolIds = List.of(poolId);
    }
    Object[] values = new Object[adapters.type().properties().size()];
    OffsetDateTime now = adapters.currentTime();
    fields.id.set(values, adapters.newId());
    fields.stamp.set(values, fields.vmStamp.get(vm));
    fields.vmId.set(values, fields.vmOwnId.get(vm));
    fields.name.set(values, vmName); // VMM names a VM's adapters after the VM [I]
    fields.networkId.set(values, planned.network());
    fields.networkName.set(values, planned.networkName());
    fields.subnetId.set(values, planned.subnet());
    fields.mac.set(values, mac);
    fields.macType.set(values, planned.staticMac() != null ? "Static" : "Dynamic");
    fields.ipv4Type.set(values, pool != null ? "Static" : planned.ipv4Type() != null ? planned.ipv4Type() : "Dynamic");
    values[fields.ipv4Addresses] = addresses;
    values[fields.ipv4Pools] = poolIds;
    fields.slot.set(values, slot);
    fields.enabled.set(values, true);
    fields.synthetic.set(values, true);
    fields.adapterType.set(values, "Synthetic");
    fields.addedTime.set(values, now);
    fields.modifiedTime.set(values, now);
    return values;
  }

  /** The first static IP address pool of the subnet, if it has one. */
  private EntityRecord poolOf(String subscription, UUID subnet) {
    if (subnet == null) {
      return null;
    }
    for (EntityRecord pool : pools.list(subscription)) {
      if (subnet.equals(fields.poolSubnet.get(pool::value))) {
        return pool;
      }
    }
    return null;
  }

  /** Deletes the adapters of a deleted VM and gives their addresses back (undone by a rollback). */
  public void removeAllOf(String subscription, UUID vmId, UUID stamp) {
    for (EntityRecord adapter : adapters.list(subscription)) {
      if (vmId.equals(fields.vmId.get(adapter::value)) && stamp.equals(fields.stamp.get(adapter::value))) {
        adapters.delete(subscription, adapter.key());
        String mac = fields.mac.get(adapter::value);
        macs.release(mac);
        adapters.onRollback(() -> macs.take(subscription, mac));
        List<?> addresses = (List<?>) adapter.value(fields.ipv4Addresses);
        List<?> poolIds = (List<?>) adapter.value(fields.ipv4Pools);
        if (addresses != null && poolIds != null && addresses.size() == 1 && poolIds.size() == 1) {
          UUID pool = (UUID) poolIds.get(0);
          String address = (String) addresses.get(0);
          ips.release(pool, address);
          adapters.onRollback(() -> ips.take(subscription, pool, address));
        }
      }
    }
  }

  /**
   * Marks the addresses of the adapters already stored (a world file's, whose MACs are in the default
   * pool's range) as taken, once after each reset and before the first allocation, so that a new
   * adapter never gets the MAC or IP address of a loaded one.
   */
  private synchronized void seedFromStore() {
    if (seeded) {
      return;
    }
    for (String subscription : adapters.subscriptions()) {
      for (EntityRecord adapter : adapters.list(subscription)) {
        String mac = fields.mac.get(adapter::value);
        if (mac != null) {
          macs.take(subscription, mac);
        }
        List<?> addresses = (List<?>) adapter.value(fields.ipv4Addresses);
        List<?> poolIds = (List<?>) adapter.value(fields.ipv4Pools);
        if (addresses != null && poolIds != null && poolIds.size() == 1) {
          addresses.forEach(address -> ips.take(subscription, (UUID) poolIds.get(0), (String) address));
        }
      }
    }
    seeded = true;
  }

  /** Forgets every allocation (the store is being cleared); the next allocation reads the store again. */
  public synchronized void reset() {
    macs.reset();
    ips.reset();
    seeded = false;
  }

  /**
   * Forgets one subscription's allocations: all of them are forgotten, and the next allocation reads
   * the other subscriptions' adapters (and whatever is loaded into this one) back from the store.
   */
  public void reset(String subscription) {
    reset();
  }
}
