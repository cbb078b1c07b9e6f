package dev.spfemu.vmm.quota;

import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.machine.Usage;
import dev.spfemu.vmm.role.SubscriptionRoles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Quotas and usage as VMM keeps them: a VM counts against its user role's quota on its cloud
 * ({@code QuotaAndUsageComponents}, whose {@code RoleUsage} follows every create, change and delete)
 * and against its cloud's capacity over every subscription ({@code CloudCapacities}). A create or a
 * change that would go beyond either is refused before it is stored (400 {@code QuotaExceeded},
 * {@code CloudCapacityExceeded}).
 */
public final class Quotas implements Usage {

  private final EntityStore store;
  private final String vmSet;
  private final VmCounting counting;
  private final RoleQuotas roles;
  private final CloudCapacity capacity;

  /** Declares the index it needs on the VMs: made before anything is stored. */
  public Quotas(StoredSet vms, StoredSet components, StoredSet capacities, EntityStore store) {
    this.store = store;
    this.vmSet = vms.type().entitySet();
    this.counting = new VmCounting(vms.type(), new SubscriptionRoles(store));
    this.roles = new RoleQuotas(components, store);
    this.capacity = new CloudCapacity(capacities, store, vmSet, counting);
  }

  @Override
  public void admit(String subscription, EntityValues vm) {
    VmCounting.Place place = counting.place(subscription, vm);
    if (place == null) {
      return;
    }
    Footprint footprint = counting.footprint(vm);
    capacity.check(subscription, counting.key(vm), place, Footprint.ZERO, footprint);
    roles.add(subscription, place, footprint);
  }

  @Override
  public void change(String subscription, EntityValues before, EntityValues after) {
    VmCounting.Place was = counting.place(subscription, before);
    VmCounting.Place is = counting.place(subscription, after);
    Footprint used = counting.footprint(before);
    Footprint uses = counting.footprint(after);
    if (is != null) {
      boolean sameCloud = was != null && was.cloud().equals(is.cloud()) && was.stamp().equals(is.stamp());
      capacity.check(subscription, counting.key(after), is, sameCloud ? used : Footprint.ZERO, uses);
    }
    if (Objects.equals(was, is)) {
      roles.add(subscription, is, uses.minus(used));
    } else {
      roles.add(subscription, is, uses); // may refuse; then nothing was released yet
      roles.add(subscription, was, used.negated());
    }
  }

  @Override
  public void release(String subscription, EntityValues vm) {
    roles.add(subscription, counting.place(subscription, vm), counting.footprint(vm).negated());
  }

  /**
   * Sets the usage of every user role of {@code subscription} (of every subscription when it is null)
   * to what its VMs use: a loaded world's usage is derived from the VMs it holds.
   */
  public void recount(String subscription) {
    for (String each : subscription == null ? store.subscriptions() : List.of(subscription)) {
      roles.recount(each, usedBy(each));
    }
  }

  /**
   * The quota components whose usage is not what the VMs counted against them use, each said in a
   * line (empty when the bookkeeping is right): the quotas' invariant, for consistency checks.
   */
  public List<String> mismatches() {
    List<String> found = new ArrayList<>();
    for (String subscription : store.subscriptions()) {
      found.addAll(roles.mismatches(subscription, usedBy(subscription)));
    }
    return found;
  }

  /** What the VMs of {@code subscription} use, by the place (cloud, stamp, role) they count against. */
  private Map<VmCounting.Place, Footprint> usedBy(String subscription) {
    Map<VmCounting.Place, Footprint> used = new HashMap<>();
    for (EntityRecord vm : store.list(subscription, vmSet)) {
      VmCounting.Place place = counting.place(subscription, vm::value);
      if (place != null && place.role() != null) {
        used.merge(place, counting.footprint(vm::value), Footprint::plus);
      }
    }
    return used;
  }
}
