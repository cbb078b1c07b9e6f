package dev.spfemu.vmm.machine;

import java.util.EnumSet;
import java.util.Set;

/**
 * The power operations a VM update's {@code Operation} property asks for, with the states they
 * start from and the state they leave, as VMM's cmdlets behave.
 */
public enum VmOperation {
  START("Start", "Start-SCVirtualMachine", EnumSet.of(VmState.POWER_OFF, VmState.SAVED), VmState.RUNNING),
  STOP("Stop", "Stop-SCVirtualMachine", EnumSet.of(VmState.RUNNING, VmState.PAUSED), VmState.POWER_OFF),
  SHUTDOWN("Shutdown", "Stop-SCVirtualMachine", EnumSet.of(VmState.RUNNING), VmState.POWER_OFF),
  SUSPEND("Suspend", "Suspend-SCVirtualMachine", EnumSet.of(VmState.RUNNING), VmState.PAUSED),
  RESUME("Resume", "Resume-SCVirtualMachine", EnumSet.of(VmState.PAUSED), VmState.RUNNING),
  SAVE_STATE("SaveState", "SaveState-SCVirtualMachine", EnumSet.of(VmState.RUNNING, VmState.PAUSED), VmState.SAVED),
  DISCARD_SAVED_STATE("DiscardSavedState", "DiscardSavedState-SCVirtualMachine", EnumSet.of(VmState.SAVED),
      VmState.POWER_OFF),
  RESET("Reset", "Reset-SCVirtualMachine", EnumSet.of(VmState.RUNNING), VmState.RUNNING),
  /**
   * Repairs a VM (or its guest agent) whatever its state but being or failing to be created; the state
   * stays, except that an "Update Failed" VM goes back to its power state ({@code VirtualMachineState}).
   */
  REPAIR("Repair", "Repair-SCVirtualMachine",
      EnumSet.complementOf(EnumSet.of(VmState.UNDER_CREATION, VmState.CREATION_FAILED)), null);

  private final String value;
  private final String cmdlet;
  private final Set<VmState> from;
  private final VmState to;

  VmOperation(String value, String cmdlet, Set<VmState> from, VmState to) {
    this.value = value;
    this.cmdlet = cmdlet;
    this.from = from;
    this.to = to;
  }

  /** The operation named (case-insensitively), or null. */
  public static VmOperation of(String value) {
    for (VmOperation operation : values()) {
      if (operation.value.equalsIgnoreCase(value.trim())) {
        return operation;
      }
    }
    return null;
  }

  public String value() {
    return value;
  }

  public String cmdlet() {
    return cmdlet;
  }

  public boolean allowedFrom(VmState state) {
    return from.contains(state);
  }

  public Set<VmState> from() {
    return from;
  }

  /** The state after the operation. */
  public VmState result(VmState current) {
    return to == null ? current : to;
  }

  public static String names() {
    StringBuilder names = new StringBuilder();
    for (VmOperation operation : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(operation.value);
    }
    return names.toString();
  }
}
