package dev.spfemu.vmm.machine;

import java.util.Locale;

/**
 * A virtual machine's power state as VMM reports it: {@code Status} / {@code VirtualMachineState}
 * and the display text {@code StatusString}.
 */
public enum VmState {
  RUNNING("Running", "Running"),
  POWER_OFF("PowerOff", "Stopped"),
  PAUSED("Paused", "Paused"),
  SAVED("Saved", "Saved"),
  UNDER_CREATION("UnderCreation", "Creating..."),
  /** The creation job failed [I: VMM's VMComputerSystemState CreationFailed; the text as dasein reads it]. */
  CREATION_FAILED("CreationFailed", "Creation Failed"),
  /** A change or power job on the VM failed [I: VMM's UpdateFailed]; a Repair brings the VM back. */
  UPDATE_FAILED("UpdateFailed", "Update Failed");

  private final String status;
  private final String text;

  VmState(String status, String text) {
    this.status = status;
    this.text = text;
  }

  public String status() {
    return status;
  }

  public String text() {
    return text;
  }

  /** A state a failed job left: no power operation but Repair (update) and delete start from it. */
  public boolean failed() {
    return this == CREATION_FAILED || this == UPDATE_FAILED;
  }

  /** The state a stored {@code Status} names; a VM with none is taken as stopped. */
  public static VmState of(Object status) {
    if (status != null) {
      for (VmState state : values()) {
        if (state.status.equalsIgnoreCase(status.toString())) {
          return state;
        }
      }
    }
    return POWER_OFF;
  }

  @Override
  public String toString() {
    return status.toLowerCase(Locale.ROOT);
  }
}
