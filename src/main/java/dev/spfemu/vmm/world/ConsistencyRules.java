package dev.spfemu.vmm.world;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.model.KeyPredicate;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ReferenceModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.network.IpPools;
import dev.spfemu.vmm.network.MacPool;
import dev.spfemu.vmm.world.WorldConsistency.Rule;
import dev.spfemu.vmm.world.WorldConsistency.Violations;
import dev.spfemu.vmm.world.WorldConsistency.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The consistency rules of a world (docs/behaviour.md, "World consistency"), one method per
 * invariant, the properties they read resolved once. A reference is checked only where the
 * subscription's world holds the set it points into: a world captured from a real SPF may leave whole
 * sets out, but one that holds VMs must hold the VM each adapter names [I].
 */
final class ConsistencyRules {

  static final String STAMP = "StampId";
  private static final String VMS = "VirtualMachines";
  private static final String TEMPLATES = "VMTemplates";
  private static final String POOLS = "StaticIPAddressPools";
  private static final String ADAPTERS = "VirtualNetworkAdapters";
  private static final String CHECKPOINTS = "VMCheckPoints";
  /** What hangs off a VM by its {@code VMId} (the VM's navigation properties lead to them). */
  private static final List<String> VM_PARTS = List.of(ADAPTERS, "VirtualHardDisks", "VirtualDiskDrives",
      "VirtualDVDDrives", "VirtualSCSIAdapters", CHECKPOINTS);

  private final ServiceModel model;
  private final Field<UUID> adapterVmId;
  private final Field<UUID> adapterTemplate;
  private final Field<String> mac;
  private final int ipv4Addresses;
  private final int ipv4Pools;
  private final Field<UUID> poolId;
  private final Field<String> poolStart;
  private final Field<String> poolEnd;
  private final Field<UUID> checkpointVm;
  private final Field<UUID> checkpointId;
  private final Field<UUID> checkpointParent;

  ConsistencyRules(ServiceModel model) {
    this.model = model;
    EntityTypeModel adapter = model.byEntitySet(ADAPTERS);
    this.adapterVmId = Field.guid(adapter, "VMId");
    this.adapterTemplate = Field.guid(adapter, "TemplateId");
    this.mac = Field.string(adapter, "MACAddress");
    this.ipv4Addresses = adapter.property("IPv4Addresses").index();
    this.ipv4Pools = adapter.property("IPv4AddressPoolsId").index();
    EntityTypeModel pool = model.byEntitySet(POOLS);
    this.poolId = Field.guid(pool, "ID");
    this.poolStart = Field.string(pool, "IPAddressRangeStart");
    this.poolEnd = Field.string(pool, "IPAddressRangeEnd");
    EntityTypeModel checkpoint = model.byEntitySet(CHECKPOINTS);
    this.checkpointVm = Field.guid(checkpoint, "VMId");
    this.checkpointId = Field.guid(checkpoint, "CheckpointID");
    this.checkpointParent = Field.guid(checkpoint, "ParentCheckpointID");
  }

  /**
   * Every rule, in the order they report. Extension point: quotas add a rule that each
   * {@code QuotaAndUsageComponents} entry's {@code RoleUsage} equals the sum over the existing VMs;
   * disks, that a VM's {@code TotalSize} is the sum of its disks' {@code MaximumSize}.
   */
  List<Rule> all() {
    return List.of(this::references, this::vmParts, this::adapterAddresses, this::uniqueMacs,
        this::checkpointParents);
  }

  /** The references the model declares ({@code vmm-model.json} {@code references}) name entities on the same stamp. */
  void references(World world, Violations out) {
    for (EntityTypeModel type : model.entityTypes()) {
      if (type.references().isEmpty()) {
        continue;
      }
      PropertyModel stamp = type.property(STAMP);
      for (String subscription : world.subscriptions()) {
        for (ReferenceModel reference : type.references()) {
          if (!world.holds(subscription, reference.entitySet())) {
            continue;
          }
          for (EntityRecord entity : world.list(subscription, type.entitySet())) {
            Object value = entity.value(reference.property().index());
            Object onStamp = stamp == null ? null : entity.value(stamp.index());
            if (value != null && reference.matchedBy().stream()
                .noneMatch(by -> world.exists(subscription, reference.entitySet(), by, value, onStamp))) {
              out.add(subscription, type.entitySet(), entity, reference.property().name() + " " + value
                  + " names no entity of " + reference.entitySet() + " on the same stamp");
            }
          }
        }
      }
    }
  }

  /**
   * What hangs off a VM (adapters, disks, drives, DVD drives, SCSI adapters, checkpoints) names an
   * existing VM of its subscription and stamp, unless it belongs to a template ({@code TemplateId}),
   * whose template must then exist. Sets whose {@code VMId} the model declares a reference are left to
   * {@link #references}.
   */
  void vmParts(World world, Violations out) {
    for (String set : VM_PARTS) {
      EntityTypeModel type = model.byEntitySet(set);
      PropertyModel vmId = type.property("VMId");
      if (type.references().stream().anyMatch(r -> r.property() == vmId)) {
        continue;
      }
      PropertyModel template = type.property("TemplateId");
      int stamp = type.property(STAMP).index();
      for (String subscription : world.subscriptions()) {
        for (EntityRecord part : world.list(subscription, set)) {
          Object templateId = template == null ? null : part.value(template.index());
          Object vm = part.value(vmId.index());
          if (templateId != null) {
            if (world.holds(subscription, TEMPLATES)
                && !world.exists(subscription, TEMPLATES, "ID", templateId, part.value(stamp))) {
              out.add(subscription, set, part, "TemplateId " + templateId + " names no VM template on the same stamp");
            }
          } else if (vm != null && world.holds(subscription, VMS)
              && !world.exists(subscription, VMS, "ID", vm, part.value(stamp))) {
            out.add(subscription, set, part, "VMId " + vm + " names no virtual machine on the same stamp (an orphan)");
          }
        }
      }
    }
  }

  /**
   * Each IPv4 address of an adapter lies in the range of one of its pools ({@code IPv4AddressPoolsId})
   * and no other adapter holds it from the same pool; its pools exist when the world holds pools.
   */
  void adapterAddresses(World world, Violations out) {
    Map<String, String> holders = new HashMap<>(); // pool ID + address → the adapter that holds it
    for (String subscription : world.subscriptions()) {
      Map<UUID, EntityRecord> pools = new HashMap<>();
      world.list(subscription, POOLS).forEach(pool -> pools.put(poolId.get(pool::value), pool));
      for (EntityRecord adapter : world.list(subscription, ADAPTERS)) {
        List<?> poolIds = (List<?>) adapter.value(ipv4Pools);
        List<?> addresses = (List<?>) adapter.value(ipv4Addresses);
        if (poolIds == null || poolIds.isEmpty() || !world.holds(subscription, POOLS)) {
          continue;
        }
        List<EntityRecord> own = new ArrayList<>();
        for (Object id : poolIds) {
          EntityRecord pool = pools.get((UUID) id);
          if (pool == null) {
            out.add(subscription, ADAPTERS, adapter, "IPv4AddressPoolsId " + id + " names no static IP address pool");
          } else {
            own.add(pool);
          }
        }
        for (Object address : addresses == null ? List.of() : addresses) {
          EntityRecord pool = own.stream().filter(p -> inRange(p, (String) address)).findFirst().orElse(null);
          if (pool == null) {
            if (!own.isEmpty()) {
              out.add(subscription, ADAPTERS, adapter, "IPv4 address " + address + " is outside its pool "
                  + describe(own.get(0)));
            }
            continue;
          }
          String holder = holders.putIfAbsent(poolId.get(pool::value) + " " + address, name(ADAPTERS, adapter));
          if (holder != null) {
            out.add(subscription, ADAPTERS, adapter, "IPv4 address " + address + " of pool " + describe(pool)
                + " is also held by " + holder);
          }
        }
      }
    }
  }

  /** No two adapters have one MAC address (the emulator's MAC pool hands out each once); template adapters aside. */
  void uniqueMacs(World world, Violations out) {
    Map<Object, String> holders = new HashMap<>();
    for (String subscription : world.subscriptions()) {
      for (EntityRecord adapter : world.list(subscription, ADAPTERS)) {
        String address = mac.get(adapter::value);
        if (address == null || adapterTemplate.get(adapter::value) != null) {
          continue;
        }
        Long parsed = MacPool.parse(address);
        String holder = holders.putIfAbsent(parsed != null ? parsed : address.toUpperCase(),
            name(ADAPTERS, adapter) + " of subscription " + subscription);
        if (holder != null) {
          out.add(subscription, ADAPTERS, adapter, "MAC address " + address + " is also held by " + holder);
        }
      }
    }
  }

  /** A checkpoint's {@code ParentCheckpointID} is the {@code CheckpointID} of a checkpoint of the same VM. */
  void checkpointParents(World world, Violations out) {
    for (String subscription : world.subscriptions()) {
      Map<UUID, UUID> vmOf = new HashMap<>(); // CheckpointID → its VM
      List<EntityRecord> checkpoints = world.list(subscription, CHECKPOINTS);
      checkpoints.forEach(c -> {
        if (checkpointId.get(c::value) != null) {
          vmOf.put(checkpointId.get(c::value), checkpointVm.get(c::value));
        }
      });
      for (EntityRecord checkpoint : checkpoints) {
        UUID parent = checkpointParent.get(checkpoint::value);
        if (parent != null && (!vmOf.containsKey(parent)
            || !Objects.equals(vmOf.get(parent), checkpointVm.get(checkpoint::value)))) {
          out.add(subscription, CHECKPOINTS, checkpoint, "ParentCheckpointID " + parent
              + " is the CheckpointID of no checkpoint of the same VM");
        }
      }
    }
  }

  private String name(String set, EntityRecord entity) {
    return set + KeyPredicate.of(model.byEntitySet(set), entity::value);
  }

  private int stampOf(String set) {
    return model.byEntitySet(set).property(STAMP).index();
  }

  private boolean inRange(EntityRecord pool, String address) {
    Long value = IpPools.parse(address);
    Long first = IpPools.parse(poolStart.get(pool::value));
    Long last = IpPools.parse(poolEnd.get(pool::value));
    return value != null && first != null && last != null && first <= value && value <= last;
  }

  private String describe(EntityRecord pool) {
    return name(POOLS, pool) + " range " + poolStart.get(pool::value) + "–" + poolEnd.get(pool::value);
  }
}
