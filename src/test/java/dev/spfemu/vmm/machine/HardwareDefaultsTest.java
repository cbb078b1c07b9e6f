package dev.spfemu.vmm.machine;

import static dev.spfemu.vmm.VmmFixture.CLOUD;
import static dev.spfemu.vmm.VmmFixture.STAMP;
import static dev.spfemu.vmm.VmmFixture.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.VmmFixture;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A new VM takes the hardware it was not sent from its template or hardware profile. */
class HardwareDefaultsTest {

  private static final UUID TEMPLATE = UUID.fromString("00000000-0000-4000-8000-000000000301");
  private static final UUID PROFILE = UUID.fromString("00000000-0000-4000-8000-000000000201");

  private final VmmFixture world = new VmmFixture(Duration.ZERO);

  @AfterEach
  void close() {
    world.close();
  }

  private void template() {
    world.set("VMTemplates").create(SUBSCRIPTION, world.payload("VMTemplates", "ID", TEMPLATE, "StampId", STAMP,
        "Name", "ws2012r2", "CPUCount", 2, "Memory", 4096, "DynamicMemoryEnabled", true,
        "DynamicMemoryMaximumMB", 8192, "OperatingSystem", "Windows Server 2012 R2 Datacenter"), false);
  }

  private void profile() {
    world.set("HardwareProfiles").create(SUBSCRIPTION, world.payload("HardwareProfiles", "ID", PROFILE,
        "StampId", STAMP, "Name", "Small", "CPUCount", 1, "Memory", 2048), false);
  }

  private Map<String, Object> vm(Object... more) {
    Object[] values = new Object[6 + more.length];
    System.arraycopy(new Object[] {"Name", "web-01", "StampId", STAMP, "CloudId", CLOUD}, 0, values, 0, 6);
    System.arraycopy(more, 0, values, 6, more.length);
    EntityRecord vm = world.set("VirtualMachines").create(SUBSCRIPTION, world.payload("VirtualMachines", values),
        false).entity();
    return world.read("VirtualMachines", vm.key());
  }

  @Test
  void aVmFromATemplateTakesItsHardwareAndOperatingSystem() {
    template();
    Map<String, Object> vm = vm("VMTemplateId", TEMPLATE);
    assertEquals(2, ((Number) vm.get("CPUCount")).intValue());
    assertEquals(4096, vm.get("Memory"));
    assertEquals(true, vm.get("DynamicMemoryEnabled"));
    assertEquals(8192, vm.get("DynamicMemoryMaximumMB"));
    assertEquals("Windows Server 2012 R2 Datacenter", vm.get("OperatingSystem"));
  }

  @Test
  void aVmFromAProfileTakesItsHardwareAndWhatWasSentWins() {
    profile();
    template();
    Map<String, Object> vm = vm("HardwareProfileId", PROFILE, "VMTemplateId", TEMPLATE, "Memory", 1024);
    assertEquals(1, ((Number) vm.get("CPUCount")).intValue(), "the profile before the template");
    assertEquals(1024, vm.get("Memory"), "what the create sent");
    assertEquals("Windows Server 2012 R2 Datacenter", vm.get("OperatingSystem"), "the profile has none");
  }

  @Test
  void aVmWithoutTemplateOrProfileKeepsWhatItWasSent() {
    // (a template that does not exist is refused before any hardware is looked up: ReferencesTest)
    Map<String, Object> vm = vm("Description", "bare");
    assertNull(vm.get("CPUCount"));
    assertNull(vm.get("Memory"));
  }
}
