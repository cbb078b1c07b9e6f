package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code $filter} on a foreign key or the key (alone, or joined by {@code and} to other conditions
 * in any order) finds its candidates through the store's index or by key: the set is never listed,
 * so the cost follows the answer, not the set. Counted through a store that counts what it is
 * asked, not timed.
 */
class FilterUsesIndexTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String OTHER = "0f0e0d0c-0b0a-0908-0706-050403020100";
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  private static final int VMS = 1000;

  private final CountedDomain domain = new CountedDomain(Clock.systemUTC(), 5000);
  private final CountingStore store = domain.store;
  private final List<UUID> vms = new ArrayList<>();
  private final List<UUID> checkpoints = new ArrayList<>();

  @BeforeEach
  void aThousandVmsWithThreeCheckpointsEach() {
    for (int i = 0; i < VMS; i++) {
      UUID vm = UUID.randomUUID();
      vms.add(vm);
      insert(SUBSCRIPTION, "VirtualMachines", Map.of("ID", vm, "StampId", STAMP, "Name", "vm-" + i));
      for (int n = 0; n < 3; n++) {
        UUID checkpoint = UUID.randomUUID();
        checkpoints.add(checkpoint);
        insert(SUBSCRIPTION, "VMCheckPoints", Map.of("ID", checkpoint, "StampId", STAMP, "VMId", vm, "Name", "cp " + n));
      }
    }
    // one more checkpoint of the first VM in another subscription: the all-subscriptions root sees it
    insert(OTHER, "VMCheckPoints", Map.of("ID", UUID.randomUUID(), "StampId", STAMP, "VMId", vms.get(0),
        "Name", "cp elsewhere"));
    store.reset();
  }

  @AfterEach
  void close() {
    domain.close();
  }

  private void insert(String subscription, String set, Map<String, Object> values) {
    domain.insert(subscription, set, STAMP, values);
  }

  private String get(String subscription, String path, String filter) {
    PipelineCalls.Response response = domain.calls.get(subscription, "application/json;odata=nometadata", path,
        "$filter=" + filter.replace(" ", "%20"));
    assertEquals(200, response.status(), response.body());
    return response.body();
  }

  private List<String> names(String subscription, String filter) throws IOException {
    JsonNode value = new ObjectMapper().readTree(get(subscription, "VMCheckPoints", filter)).get("value");
    List<String> names = new ArrayList<>();
    value.forEach(each -> names.add(each.get("Name").asText()));
    return names;
  }

  @Test
  void aForeignKeyFilterIsOneIndexLookUp() throws IOException {
    UUID vm = vms.get(500);

    assertEquals(List.of("cp 0", "cp 1", "cp 2"), names(SUBSCRIPTION, "VMId eq guid'" + vm + "'").stream().sorted().toList());
    assertEquals(1, store.findBy.get());
    assertEquals(Map.of(), Map.copyOf(store.lists), "no scan of the checkpoints");
  }

  @Test
  void theIndexServesTheEqualityAndTheRestRunsOnWhatItFound() throws IOException {
    UUID vm = vms.get(7);

    assertEquals(List.of("cp 1"), names(SUBSCRIPTION, "Name eq 'cp 1' and guid'" + vm + "' eq VMId"));
    assertEquals(List.of("cp 2"), names(SUBSCRIPTION, "(startswith(Name,'cp') and Name ne 'cp 0') and (VMId eq guid'"
        + vm + "' and StampId eq guid'" + STAMP + "') and Name ne 'cp 1'"));
    assertEquals(2, store.findBy.get());
    assertEquals(Map.of(), Map.copyOf(store.lists));
  }

  @Test
  void theKeyInAFilterIsAKeyLookUp() throws IOException {
    UUID checkpoint = checkpoints.get(42);

    assertEquals(1, names(SUBSCRIPTION, "StampId eq guid'" + STAMP + "' and ID eq guid'" + checkpoint + "'").size());
    assertEquals(1, store.finds.get());
    assertEquals(0, store.findBy.get());
    assertEquals(Map.of(), Map.copyOf(store.lists));
  }

  @Test
  void countAndTheAllSubscriptionsRootUseTheIndexToo() throws IOException {
    UUID vm = vms.get(0);

    assertEquals("3", get(SUBSCRIPTION, "VMCheckPoints/$count", "VMId eq guid'" + vm + "'"));
    assertEquals(4, names(null, "VMId eq guid'" + vm + "'").size());
    assertEquals("4", get(null, "VMCheckPoints/$count", "VMId eq guid'" + vm + "'"));
    assertEquals(Map.of(), Map.copyOf(store.lists));
  }

  @Test
  void aFilterWithoutARequiredEqualityScans() throws IOException {
    UUID vm = vms.get(3);

    assertEquals(3, names(SUBSCRIPTION, "VMId eq guid'" + vm + "' or Name eq 'none'").size());
    assertEquals(3, names(SUBSCRIPTION, "not (VMId ne guid'" + vm + "')").size());
    assertEquals(Map.of("VMCheckPoints", 2), Map.copyOf(store.lists));
  }
}
