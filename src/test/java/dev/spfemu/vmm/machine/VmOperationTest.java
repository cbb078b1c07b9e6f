package dev.spfemu.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VM state machine: which power operation runs from which state, and where it leaves the VM. */
class VmOperationTest {

  @ParameterizedTest(name = "{0} from {1} → {2}")
  @CsvSource({
      "Start, POWER_OFF, RUNNING", "Start, SAVED, RUNNING",
      "Stop, RUNNING, POWER_OFF", "Stop, PAUSED, POWER_OFF",
      "Shutdown, RUNNING, POWER_OFF",
      "Suspend, RUNNING, PAUSED",
      "Resume, PAUSED, RUNNING",
      "SaveState, RUNNING, SAVED", "SaveState, PAUSED, SAVED",
      "DiscardSavedState, SAVED, POWER_OFF",
      "Reset, RUNNING, RUNNING",
      "Repair, RUNNING, RUNNING", "Repair, POWER_OFF, POWER_OFF", "Repair, SAVED, SAVED", "Repair, PAUSED, PAUSED"})
  void anOperationMovesTheVmFromTheStatesItAllows(String name, VmState from, VmState to) {
    VmOperation operation = VmOperation.of(name);
    assertTrue(operation.allowedFrom(from));
    assertSame(to, operation.result(from));
  }

  @Test
  void everyOtherStateIsRefused() {
    assertEquals(EnumSet.of(VmState.POWER_OFF, VmState.SAVED), allowed(VmOperation.START));
    assertEquals(EnumSet.of(VmState.RUNNING, VmState.PAUSED), allowed(VmOperation.STOP));
    assertEquals(EnumSet.of(VmState.RUNNING), allowed(VmOperation.SHUTDOWN));
    assertEquals(EnumSet.of(VmState.RUNNING), allowed(VmOperation.SUSPEND));
    assertEquals(EnumSet.of(VmState.PAUSED), allowed(VmOperation.RESUME));
    assertEquals(EnumSet.of(VmState.SAVED), allowed(VmOperation.DISCARD_SAVED_STATE));
    assertFalse(VmOperation.REPAIR.allowedFrom(VmState.UNDER_CREATION), "nothing runs on a VM being created");
  }

  private static EnumSet<VmState> allowed(VmOperation operation) {
    EnumSet<VmState> allowed = EnumSet.noneOf(VmState.class);
    for (VmState state : VmState.values()) {
      if (operation.allowedFrom(state)) {
        allowed.add(state);
      }
    }
    return allowed;
  }

  @Test
  void operationsAreNamedAsSpfClientsSendThem() {
    assertSame(VmOperation.SAVE_STATE, VmOperation.of(" savestate "));
    assertNull(VmOperation.of("Hibernate"));
    assertEquals("Stop-SCVirtualMachine", VmOperation.SHUTDOWN.cmdlet());
    assertEquals("Start, Stop, Shutdown, Suspend, Resume, SaveState, DiscardSavedState, Reset, Repair",
        VmOperation.names());
  }

  @Test
  void statesAreReadAsVmmWritesThem() {
    assertSame(VmState.RUNNING, VmState.of("running"));
    assertSame(VmState.UNDER_CREATION, VmState.of("UnderCreation"));
    assertSame(VmState.POWER_OFF, VmState.of(null), "a VM without a status is taken as stopped");
    assertSame(VmState.POWER_OFF, VmState.of("Migrating"), "a status the emulator does not model");
    assertEquals("Stopped", VmState.POWER_OFF.text());
    assertEquals("Creating...", VmState.UNDER_CREATION.text());
  }
}
