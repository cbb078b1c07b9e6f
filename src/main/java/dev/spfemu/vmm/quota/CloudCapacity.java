package dev.spfemu.vmm.quota;

import dev.spfemu.error.VmmRuleErrors;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud's capacity ({@code CloudCapacities}): what the VMs of every subscription on the cloud may
 * use together. Their usage is counted from the VMs themselves, found through an index on
 * ({@code CloudId}, {@code StampId}): one look-up per subscription, no scan of other clouds' VMs.
 */
final class CloudCapacity {

  private final StoredSet capacities;
  private final EntityStore store;
  private final SecondaryIndex vmsByCloud;
  private final VmCounting counting;
  private final Map<QuotaDimension, Field<Long>> limits = new EnumMap<>(QuotaDimension.class);
  private final Map<QuotaDimension, Field<Boolean>> unlimited = new EnumMap<>(QuotaDimension.class);

  /** Declares its index: made before anything is stored. */
  CloudCapacity(StoredSet capacities, EntityStore store, String vmSet, VmCounting counting) {
    this.capacities = capacities;
    this.store = store;
    this.counting = counting;
    this.vmsByCloud = store.index(vmSet, counting.placePositions());
    EntityTypeModel type = capacities.type();
    for (QuotaDimension dimension : QuotaDimension.values()) {
      limits.put(dimension, Field.int64(type, dimension.value()));
      unlimited.put(dimension, Field.bool(type, "Use" + dimension.value() + "Maximum"));
    }
  }

  /**
   * Checks that the VM {@code vm} may go from using {@code before} of its cloud to {@code after}: each
   * dimension that grows must stay within the capacity the VM's subscription sees for the cloud,
   * counting the other VMs of every subscription on it (400 {@code CloudCapacityExceeded} if not).
   */
  void check(String subscription, EntityKey vm, VmCounting.Place place, Footprint before, Footprint after) {
    Optional<EntityRecord> capacity = capacities.find(subscription, EntityKey.of(place.cloud(), place.stamp()));
    if (capacity.isEmpty()) {
      return;
    }
    Footprint others = null;
    for (QuotaDimension dimension : QuotaDimension.values()) {
      long need = after.get(dimension) - before.get(dimension);
      Long limit = limits.get(dimension).get(capacity.get()::value);
      if (need <= 0 || limit == null || Boolean.TRUE.equals(unlimited.get(dimension).get(capacity.get()::value))) {
        continue;
      }
      if (others == null) {
        others = usedByOthers(subscription, vm, place);
      }
      long used = others.get(dimension) + before.get(dimension);
      if (used + need > limit) {
        throw VmmRuleErrors.cloudCapacityExceeded(dimension.value(), dimension.unit(), limit, used, need, place.cloud());
      }
    }
  }

  /** What the cloud's VMs but {@code vm} use, over every subscription. */
  private Footprint usedByOthers(String subscription, EntityKey vm, VmCounting.Place place) {
    Footprint sum = Footprint.ZERO;
    EntityKey cloud = EntityKey.of(place.cloud(), place.stamp());
    for (String each : store.subscriptions()) {
      for (EntityRecord other : store.findBy(each, vmsByCloud, cloud)) {
        if (!(each.equalsIgnoreCase(subscription) && other.key().equals(vm))) {
          sum = sum.plus(counting.footprint(other::value));
        }
      }
    }
    return sum;
  }
}
