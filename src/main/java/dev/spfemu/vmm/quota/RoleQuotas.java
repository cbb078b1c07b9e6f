package dev.spfemu.vmm.quota;

import dev.spfemu.error.VmmRuleErrors;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The user roles' quotas and usage per cloud: one {@code QuotaAndUsageComponents} entity per cloud,
 * stamp, role and dimension. Usage changes one component at a time, each check-and-add atomic on
 * its entity (no global lock); a component missing, or with {@code UseRoleQuotaMaximum} true or no
 * {@code RoleQuota}, does not limit.
 */
final class RoleQuotas {

  private final StoredSet components;
  private final EntityStore store;
  private final String set;
  private final Field<UUID> cloud;
  private final Field<UUID> stamp;
  private final Field<UUID> role;
  private final Field<String> dimension;
  private final Field<Long> quota;
  private final Field<Boolean> unlimited;
  private final Field<Long> usage;

  RoleQuotas(StoredSet components, EntityStore store) {
    this.components = components;
    this.store = store;
    this.set = components.type().entitySet();
    EntityTypeModel type = components.type();
    this.cloud = Field.guid(type, "ID");
    this.stamp = Field.guid(type, "StampId");
    this.role = Field.guid(type, "UserRoleID");
    this.dimension = Field.string(type, "QuotaDimension");
    this.quota = Field.int64(type, "RoleQuota");
    this.unlimited = Field.bool(type, "UseRoleQuotaMaximum");
    this.usage = Field.int64(type, "RoleUsage");
  }

  /**
   * Adds {@code delta} to the usage of the place's components, dimension after dimension; a dimension
   * that grows beyond its quota refuses the whole delta (400 {@code QuotaExceeded}), and the
   * dimensions already added are taken back. In a change set, a rollback takes the delta back.
   */
  void add(String subscription, VmCounting.Place place, Footprint delta) {
    if (place == null || place.role() == null) {
      return;
    }
    List<QuotaDimension> added = new ArrayList<>(QuotaDimension.values().length);
    try {
      for (QuotaDimension each : QuotaDimension.values()) {
        long amount = delta.get(each);
        if (amount != 0 && add(subscription, key(place, each), each, amount)) {
          added.add(each);
        }
      }
    } catch (RuntimeException refused) {
      for (QuotaDimension each : added) {
        add(subscription, key(place, each), each, -delta.get(each));
      }
      throw refused;
    }
  }

  /** Adds to one component, atomically on it; false if there is none. */
  private boolean add(String subscription, EntityKey key, QuotaDimension counted, long amount) {
    boolean added = store.update(subscription, set, key, current -> current.changed(v -> {
      long used = used(v);
      Long limit = quota.get(v);
      if (amount > 0 && !unlimited.isTrue(v) && limit != null && used + amount > limit) {
        throw VmmRuleErrors.quotaExceeded(counted.value(), counted.unit(), limit, used, amount, role.get(v), cloud.get(v));
      }
      usage.set(v, used + amount);
    })).isPresent();
    if (added) { // a failed change set takes the amount back from the usage as it is then
      components.onRollback(() -> store.update(subscription, set, key,
          current -> current.changed(v -> usage.set(v, used(v) - amount))));
    }
    return added;
  }

  private long used(Object[] values) {
    Long used = usage.get(values);
    return used == null ? 0 : used;
  }

  /** Sets every component's usage of {@code subscription} to what its VMs use (after a world is loaded). */
  void recount(String subscription, Map<VmCounting.Place, Footprint> used) {
    for (EntityRecord component : components.list(subscription)) {
      long total = expected(component, used);
      components.modify(subscription, component.key(), v -> usage.set(v, total));
    }
  }

  /** The components of {@code subscription} whose usage is not what its VMs use, each said in a line. */
  List<String> mismatches(String subscription, Map<VmCounting.Place, Footprint> used) {
    List<String> found = new ArrayList<>();
    for (EntityRecord component : components.list(subscription)) {
      long expected = expected(component, used);
      long stored = used(component.values());
      if (stored != expected) {
        found.add("subscription " + subscription + ", " + components.type().entitySet() + component.key()
            + ": RoleUsage " + stored + ", but its VMs use " + expected);
      }
    }
    return found;
  }

  /** What the VMs counted against {@code component}'s role, cloud and dimension use. */
  private long expected(EntityRecord component, Map<VmCounting.Place, Footprint> used) {
    QuotaDimension counted = QuotaDimension.of(dimension.get(component::value));
    Footprint sum = used.get(new VmCounting.Place(cloud.get(component::value), stamp.get(component::value),
        role.get(component::value)));
    return counted == null || sum == null ? 0 : sum.get(counted);
  }

  private static EntityKey key(VmCounting.Place place, QuotaDimension dimension) {
    return EntityKey.of(place.cloud(), place.stamp(), place.role(), dimension.value());
  }
}
