package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code $expand} of a thousand VMs with their adapters stays linear: the adapters are found through
 * the store's index, one look-up per VM, and the adapters' set is never listed (which would make it
 * a scan per VM). Counted through a store that counts what it is asked, not timed.
 */
class ExpandUsesIndexTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  private static final int VMS = 1000;

  private final CountedDomain domain = new CountedDomain(Clock.systemUTC(), 5000);
  private final CountingStore store = domain.store;

  @AfterEach
  void close() {
    domain.close();
  }

  private void insert(String set, Map<String, Object> values) {
    domain.insert(SUBSCRIPTION, set, STAMP, values);
  }

  private JsonNode get(String path, String query) throws IOException {
    PipelineCalls.Response response = domain.calls.get(SUBSCRIPTION, "application/json;odata=nometadata", path, query);
    assertEquals(200, response.status(), response.body());
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void expandingAThousandVmsLooksUpEachVmsAdaptersOnce() throws IOException {
    for (int i = 0; i < VMS; i++) {
      UUID vm = UUID.randomUUID();
      insert("VirtualMachines", Map.of("ID", vm, "StampId", STAMP, "Name", "vm-" + i));
      for (int n = 0; n < 2; n++) {
        insert("VirtualNetworkAdapters", Map.of("ID", UUID.randomUUID(), "StampId", STAMP, "VMId", vm,
            "Name", "vm-" + i + " nic " + n));
      }
    }
    store.reset();

    JsonNode value = get("VirtualMachines", "$expand=VirtualNetworkAdapters&$select=Name,VirtualNetworkAdapters/Name")
        .get("value");

    assertEquals(VMS, value.size());
    value.forEach(vm -> assertEquals(2, vm.get("VirtualNetworkAdapters").size()));
    assertEquals(VMS, store.findBy.get(), "one index look-up per VM");
    assertEquals(Map.of("VirtualMachines", 1), Map.copyOf(store.lists), "no scan of the adapters");
  }

  @Test
  void expandingAThousandVmsWithAdaptersAndCheckpointsLooksUpEachOnce() throws IOException {
    for (int i = 0; i < VMS; i++) {
      UUID vm = UUID.randomUUID();
      insert("VirtualMachines", Map.of("ID", vm, "StampId", STAMP, "Name", "vm-" + i));
      insert("VirtualNetworkAdapters", Map.of("ID", UUID.randomUUID(), "StampId", STAMP, "VMId", vm, "Name", "nic"));
      for (int n = 0; n < 3; n++) {
        insert("VMCheckPoints", Map.of("ID", UUID.randomUUID(), "StampId", STAMP, "VMId", vm, "Name", "cp " + n));
      }
    }
    store.reset();

    JsonNode value = get("VirtualMachines", "$expand=VirtualNetworkAdapters,VMCheckpoints"
        + "&$select=Name,VirtualNetworkAdapters/Name,VMCheckpoints/Name").get("value");

    assertEquals(VMS, value.size());
    value.forEach(vm -> {
      assertEquals(1, vm.get("VirtualNetworkAdapters").size());
      assertEquals(3, vm.get("VMCheckpoints").size());
    });
    assertEquals(2 * VMS, store.findBy.get(), "one index look-up per VM and navigation property");
    assertEquals(Map.of("VirtualMachines", 1), Map.copyOf(store.lists), "no scan of the adapters or checkpoints");
  }

  @Test
  void aToOneNavigationIsAKeyLookUp() throws IOException {
    UUID cloud = UUID.randomUUID();
    insert("Clouds", Map.of("ID", cloud, "StampId", STAMP, "Name", "Gold"));
    for (int i = 0; i < 10; i++) {
      insert("VirtualMachines", Map.of("ID", UUID.randomUUID(), "StampId", STAMP, "Name", "vm-" + i, "CloudId", cloud));
    }
    store.reset();

    JsonNode value = get("VirtualMachines", "$expand=Cloud").get("value");

    value.forEach(vm -> assertEquals("Gold", vm.get("Cloud").get("Name").asText()));
    assertEquals(10, store.finds.get());
    assertEquals(0, store.findBy.get());
    assertEquals(Map.of("VirtualMachines", 1), Map.copyOf(store.lists));
  }
}
