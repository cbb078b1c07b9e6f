package dev.spfemu.vmm.machine;

import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.StreamModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.MediaResource;
import dev.spfemu.vmm.OwnedEntity;
import dev.spfemu.vmm.VmmFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A VM's VMConnection stream: the RDP file of its console, for a running VM only. */
class VmConsoleTest {

  private final VmmFixture world = new VmmFixture(Duration.ZERO);
  private final StreamModel connection = world.model.byEntitySet("VirtualMachines").stream("VMConnection");

  @AfterEach
  void close() {
    world.close();
  }

  private MediaResource connect(EntityRecord vm) {
    EntityRecord now = world.set("VirtualMachines").read(SUBSCRIPTION, vm.key());
    return world.vmm.mediaStream(new OwnedEntity(SUBSCRIPTION, now), connection);
  }

  @Test
  void theModelDeclaresTheStreamWithItsContentTypeInItsPlace() {
    assertEquals("application/x-rdp", connection.contentType());
    assertEquals("VMCPath", // the model's order: VMConfigResource, VMConnection, VMCPath
        world.model.byEntitySet("VirtualMachines").properties().get(connection.position()).name());
  }

  @Test
  void aRunningVmsConsoleIsAnRdpFileThroughItsHost() {
    EntityRecord vm = world.createVm("web-01", true);
    MediaResource media = connect(vm);
    assertEquals("application/x-rdp", media.contentType());
    List<String> lines = List.of(new String(media.content(), StandardCharsets.UTF_8).split("\r\n"));
    assertEquals("full address:s:" + VmConsole.UNKNOWN_HOST, lines.get(0), "a VM without VMHostName");
    assertTrue(lines.contains("server port:i:2179"), lines.toString());
    Object hypervisorId = world.read("VirtualMachines", vm.key()).get("VMId");
    assertTrue(lines.contains("pcb:s:" + (hypervisorId != null ? hypervisorId : vm.key().value(0))), lines.toString());
    assertTrue(lines.contains("negotiate security layer:i:0"), lines.toString());
  }

  @Test
  void aStoppedVmHasNoConsole() {
    EntityRecord vm = world.createVm("db-01", false);
    ServiceException refused = assertThrows(ServiceException.class, () -> connect(vm));
    assertEquals(400, refused.status());
    assertEquals("InvalidOperationForState", refused.code());
    assertTrue(refused.getMessage().startsWith("The virtual machine 'db-01' is not running (VirtualMachineState"
        + " PowerOff)"), refused.getMessage());
  }
}
