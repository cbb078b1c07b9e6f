package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.store.SecondaryIndex;
import dev.spfemu.vmm.Vmm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
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

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final CountingStore store = new CountingStore();
  private final Vmm vmm = Vmm.create(edm.model(), store, IdGenerator.seeded(1), Clock.systemUTC(), Duration.ZERO,
      new WorldEntityJson());
  private final ODataPipeline pipeline = new ODataPipeline(edm, vmm, Clock.systemUTC(), 5000);

  @AfterEach
  void close() {
    vmm.close();
  }

  private void insert(String set, Map<String, Object> values) {
    EntityTypeModel type = edm.model().byEntitySet(set);
    Object[] array = new Object[type.propertyCount()];
    values.forEach((name, value) -> array[type.property(name).index()] = value);
    store.insert(SUBSCRIPTION, set, new EntityRecord(EntityKey.of(values.get("ID"), STAMP), array));
  }

  private JsonNode get(String path, String query) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int[] status = new int[1];
    pipeline.handle(new ODataCall("GET", SUBSCRIPTION, new ServiceUrls("http://localhost/"), path, query,
        name -> name.equalsIgnoreCase("Accept") ? "application/json;odata=nometadata" : null, () -> new byte[0], true),
        new ResponseSink() {
          @Override
          public void status(int code) {
            status[0] = code;
          }

          @Override
          public void header(String name, String value) {
          }

          @Override
          public OutputStream body() {
            return body;
          }
        });
    assertEquals(200, status[0], body.toString());
    return new ObjectMapper().readTree(body.toByteArray());
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

  /** The in-memory store, counting list, find and findBy calls. */
  private static final class CountingStore implements EntityStore {
    private final InMemoryEntityStore delegate = new InMemoryEntityStore();
    final Map<String, Integer> lists = new ConcurrentHashMap<>();
    final AtomicInteger findBy = new AtomicInteger();
    final AtomicInteger finds = new AtomicInteger();

    void reset() {
      lists.clear();
      findBy.set(0);
      finds.set(0);
    }

    @Override
    public Optional<EntityRecord> find(String subscription, String entitySet, EntityKey key) {
      finds.incrementAndGet();
      return delegate.find(subscription, entitySet, key);
    }

    @Override
    public int count(String subscription) {
      return delegate.count(subscription);
    }

    @Override
    public boolean insert(String subscription, String entitySet, EntityRecord record) {
      return delegate.insert(subscription, entitySet, record);
    }

    @Override
    public Optional<EntityRecord> update(String subscription, String entitySet, EntityKey key,
        UnaryOperator<EntityRecord> change) {
      return delegate.update(subscription, entitySet, key, change);
    }

    @Override
    public Optional<EntityRecord> remove(String subscription, String entitySet, EntityKey key) {
      return delegate.remove(subscription, entitySet, key);
    }

    @Override
    public void put(String subscription, String entitySet, EntityRecord record) {
      delegate.put(subscription, entitySet, record);
    }

    @Override
    public void clear() {
      delegate.clear();
    }

    @Override
    public void clear(String subscription) {
      delegate.clear(subscription);
    }

    @Override
    public List<String> subscriptions() {
      return delegate.subscriptions();
    }

    @Override
    public List<EntityRecord> list(String subscription, String entitySet) {
      lists.merge(entitySet, 1, Integer::sum);
      return delegate.list(subscription, entitySet);
    }

    @Override
    public SecondaryIndex index(String entitySet, int... positions) {
      return delegate.index(entitySet, positions);
    }

    @Override
    public List<EntityRecord> findBy(String subscription, SecondaryIndex index, EntityKey values) {
      findBy.incrementAndGet();
      return delegate.findBy(subscription, index, values);
    }
  }
}
