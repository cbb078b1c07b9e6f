package dev.spfemu.vmm.quota;

import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.vmm.role.SubscriptionRoles;
import java.util.Objects;
import java.util.UUID;

/**
 * How a VM counts: its {@link Footprint} from its own stored values, and where it counts (its cloud
 * on its stamp, and its user role: the {@code Owner.RoleID}, else the subscription's role).
 */
final class VmCounting {

  /** Where a VM counts: a cloud on a stamp, and a user role (null: the VM counts against no role). */
  record Place(UUID cloud, UUID stamp, UUID role) {

    // written out: a record's generated methods are bound through method handles on first use, which
    // spins classes while the world loads (docs/performance.md, "Start-up")
    @Override
    public boolean equals(Object other) {
      return other instanceof Place p && Objects.equals(cloud, p.cloud) && Objects.equals(stamp, p.stamp)
          && Objects.equals(role, p.role);
    }

    @Override
    public int hashCode() {
      return (Objects.hashCode(cloud) * 31 + Objects.hashCode(stamp)) * 31 + Objects.hashCode(role);
    }
  }

  private final Field<UUID> id;
  private final Field<UUID> stamp;
  private final Field<UUID> cloud;
  private final Field<Integer> cpuCount;
  private final Field<Integer> memory;
  private final Field<Long> totalSize;
  private final Field<ComplexValue> owner;
  private final int roleId;
  private final SubscriptionRoles roles;

  VmCounting(EntityTypeModel vms, SubscriptionRoles roles) {
    this.id = Field.guid(vms, "ID");
    this.stamp = Field.guid(vms, "StampId");
    this.cloud = Field.guid(vms, "CloudId");
    this.cpuCount = Field.unsignedByte(vms, "CPUCount");
    this.memory = Field.int32(vms, "Memory");
    this.totalSize = Field.int64(vms, "TotalSize");
    this.owner = Field.complex(vms, "Owner");
    this.roleId = owner.property().complex().property("RoleID").index();
    this.roles = roles;
  }

  /** The positions of the VM's cloud and stamp, in that order (for an index). */
  int[] placePositions() {
    return new int[] {cloud.index(), stamp.index()};
  }

  Footprint footprint(EntityValues vm) {
    return Footprint.ofVm(cpuCount.get(vm), memory.get(vm), totalSize.get(vm));
  }

  /** Where the VM counts; null when it names no cloud (then no quota or capacity applies). */
  Place place(String subscription, EntityValues vm) {
    UUID inCloud = cloud.get(vm);
    if (inCloud == null) {
      return null;
    }
    ComplexValue owned = owner.get(vm);
    UUID role = owned == null ? null : (UUID) owned.value(roleId);
    return new Place(inCloud, stamp.get(vm), role != null ? role : roles.idOf(subscription));
  }

  EntityKey key(EntityValues vm) {
    return EntityKey.of(id.get(vm), stamp.get(vm));
  }
}
