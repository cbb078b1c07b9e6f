package dev.spfemu.vmm.machine;

import dev.spfemu.model.EntityValues;

/**
 * What a VM uses of its user role's quotas and its cloud's capacity, kept by the wiring's
 * bookkeeping (so this package knows no quotas): a VM is admitted when it is created, its change
 * is admitted when its hardware grows, and what it used is released when it is deleted. Power
 * operations use nothing.
 */
public interface Usage {

  /** Nothing is counted or limited. */
  Usage NONE = new Usage() {
    @Override
    public void admit(String subscription, EntityValues vm) {
    }

    @Override
    public void change(String subscription, EntityValues before, EntityValues after) {
    }

    @Override
    public void release(String subscription, EntityValues vm) {
    }
  };

  /**
   * Counts a new VM (as stored, its hardware filled), or refuses it with a 4xx and counts nothing.
   */
  void admit(String subscription, EntityValues vm);

  /**
   * Counts a VM's change (called before the change is stored: a refusal, a 4xx, leaves the VM and
   * the usage as they were).
   */
  void change(String subscription, EntityValues before, EntityValues after);

  /** Stops counting a deleted VM. */
  void release(String subscription, EntityValues vm);
}
