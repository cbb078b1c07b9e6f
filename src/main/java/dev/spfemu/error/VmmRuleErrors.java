package dev.spfemu.error;

import java.util.Collection;

/**
 * The errors of VMM's own rules, a named factory per error (as {@link VmmErrors} is for the
 * protocol's): quotas and capacities, what is in use, disk drives. Each says what was wrong and how
 * to fix it.
 */
public final class VmmRuleErrors {

  private VmmRuleErrors() {
  }

  /**
   * A VM create or hardware change beyond its user role's quota on the cloud (QuotaAndUsageComponents).
   *
   * @param unit what is counted ("CPU cores"), {@code dimension} its QuotaDimension name
   */
  public static ServiceException quotaExceeded(String dimension, String unit, long quota, long usage, long need,
      Object role, Object cloud) {
    return new ServiceException(400, "QuotaExceeded", "The user role " + role + " may use " + quota + " " + unit
        + " (" + dimension + ") on the cloud " + cloud + " and uses " + usage + "; this request needs " + need
        + " more. Delete virtual machines, ask for smaller hardware, or raise the RoleQuota of the role's "
        + dimension + " entry in QuotaAndUsageComponents (in the world file).");
  }

  /** A VM create or hardware change beyond its cloud's capacity over every subscription (CloudCapacities). */
  public static ServiceException cloudCapacityExceeded(String dimension, String unit, long capacity, long usage,
      long need, Object cloud) {
    return new ServiceException(400, "CloudCapacityExceeded", "The cloud " + cloud + " has a capacity of "
        + capacity + " " + unit + " (" + dimension + ") and its virtual machines use " + usage
        + "; this request needs " + need + " more. Delete virtual machines, ask for smaller hardware, or raise the"
        + " cloud's " + dimension + " in CloudCapacities (in the world file).");
  }

  /**
   * A delete of a VM network, subnet or static IP pool that virtual machines' network adapters still
   * use (VMM refuses to remove it while adapters are connected).
   *
   * @param what the entity as the message names it ("VM network 'web'")
   * @param machines the names of the virtual machines whose adapters use it
   */
  public static ServiceException inUse(String what, String how, Collection<String> machines) {
    return new ServiceException(400, "ResourceInUse",
        "The " + what + " cannot be deleted: the network adapters of the virtual machine"
            + (machines.size() == 1 ? " " : "s ") + String.join(", ", machines) + " " + how
            + ". Delete " + (machines.size() == 1 ? "that virtual machine" : "those virtual machines")
            + " (or their network adapters) first, then delete the " + what + " again.");
  }

  /**
   * A delete of a VM network that still has VM subnets, or of a VM subnet that still has static IP
   * address pools: VMM removes them from the inside out, as WAP's clients do.
   *
   * @param what the entity as the message names it ("VM network 'web'")
   * @param kind what it still has ("VM subnets")
   * @param names their names
   */
  public static ServiceException stillHas(String what, String kind, Collection<String> names) {
    return new ServiceException(400, "ResourceInUse", "The " + what + " cannot be deleted: it still has the "
        + kind + " " + String.join(", ", names) + ". Delete those first, then delete the " + what + " again.");
  }

  /**
   * A disk drive VMM cannot add as asked (a slot another drive holds, IDE on a generation 2 VM, a disk
   * another VM owns); the detail says what to send instead.
   */
  public static ServiceException invalidDiskDrive(String detail) {
    return new ServiceException(400, "InvalidDiskDrive", detail);
  }
}
