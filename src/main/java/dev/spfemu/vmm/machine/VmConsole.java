package dev.spfemu.vmm.machine;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.Field;
import dev.spfemu.model.StreamModel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A VM's console connection, its {@code VMConnection} stream: an RDP file for VMConnect through the
 * VM's Hyper-V host, as VMM hands one out for a console session. Hyper-V's VMConnect listens on the
 * host on port 2179 and finds the VM by the {@code pcb} value, the hypervisor's ID of the VM; the
 * file connects straight to the host, without a gateway. Only a running VM can be connected to.
 */
public final class VmConsole {

  /** Hyper-V's VMConnect port on the host. */
  static final int VMCONNECT_PORT = 2179;
  /** The host of a VM that names none (one created through the emulator): a reserved name that resolves nowhere. */
  static final String UNKNOWN_HOST = "hyperv-host.invalid";
  private static final String CRLF = "\r\n";

  private final StreamModel stream;
  private final Field<UUID> id;
  private final Field<UUID> hypervisorId;
  private final Field<String> name;
  private final Field<String> host;
  private final Field<String> state;

  public VmConsole(EntityTypeModel vm) {
    this.stream = vm.stream("VMConnection");
    if (stream == null) {
      throw new IllegalStateException(vm.name() + " has no VMConnection stream");
    }
    this.id = Field.guid(vm, "ID");
    this.hypervisorId = Field.guid(vm, "VMId");
    this.name = Field.string(vm, "Name");
    this.host = Field.string(vm, "VMHostName");
    this.state = Field.string(vm, "VirtualMachineState");
  }

  /** The stream this serves: the VM type's {@code VMConnection}. */
  public StreamModel stream() {
    return stream;
  }

  /**
   * The RDP file that connects to {@code vm}'s console.
   *
   * @throws dev.spfemu.error.ServiceException 400 when the VM is not running
   */
  public byte[] rdpFile(EntityValues vm) {
    String power = state.get(vm);
    if (!VmState.RUNNING.status().equals(power)) {
      throw VmmErrors.invalidVmOperation("The virtual machine '" + name.get(vm) + "' is not running (VirtualMachineState "
          + power + "), so there is no console to connect to. Start it first (PUT the VM with \"Operation\": \"Start\"),"
          + " then GET its VMConnection again.");
    }
    UUID pcb = hypervisorId.get(vm) != null ? hypervisorId.get(vm) : id.get(vm);
    String hostName = host.get(vm) == null || host.get(vm).isBlank() ? UNKNOWN_HOST : host.get(vm);
    String file = "full address:s:" + hostName + CRLF
        + "server port:i:" + VMCONNECT_PORT + CRLF
        + "pcb:s:" + pcb + CRLF
        + "negotiate security layer:i:0" + CRLF
        + "authentication level:i:0" + CRLF
        + "prompt for credentials on client:i:1" + CRLF
        + "screen mode id:i:1" + CRLF
        + "redirectclipboard:i:1" + CRLF
        + "audiomode:i:2" + CRLF;
    return file.getBytes(StandardCharsets.UTF_8);
  }
}
