package dev.spfemu.vmm;

import dev.spfemu.SettableClock;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.world.EntityJson;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A VMM domain without HTTP for unit tests: the real model over an in-memory store, on a fixed
 * settable clock, with entities built as payloads by property name.
 */
public final class VmmFixture implements AutoCloseable {

  public static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  public static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  public static final UUID CLOUD = UUID.fromString("0b8c1e0e-8e43-4c4e-9b53-3e7a1f1d2c5a");
  public static final Instant START = Instant.parse("2026-11-28T07:14:21Z");

  public final ServiceModel model = ModelLoader.loadDefault();
  public final SettableClock clock = SettableClock.fixedAt(START);
  public final Vmm vmm;

  /** @param jobDuration how long a VMM job runs (zero: jobs complete within their request) */
  public VmmFixture(Duration jobDuration) {
    this(jobDuration, Integer.MAX_VALUE);
  }

  /** @param entitiesPerSubscription the most entities a subscription may hold */
  public VmmFixture(Duration jobDuration, int entitiesPerSubscription) {
    this(jobDuration, entitiesPerSubscription, new InMemoryEntityStore());
  }

  /** @param store the store the domain keeps its entities in */
  public VmmFixture(Duration jobDuration, int entitiesPerSubscription, dev.spfemu.store.EntityStore store) {
    this.vmm = Vmm.create(model, store, IdGenerator.seeded(7), clock, jobDuration, new NoWorldFiles(),
        entitiesPerSubscription);
  }

  public EntitySet set(String name) {
    return vmm.set(name);
  }

  /** A payload of {@code set}'s type with these properties present (by name), the rest left out. */
  public EntityPayload payload(String set, Object... namesAndValues) {
    EntityTypeModel type = model.byEntitySet(set);
    EntityPayload payload = new EntityPayload(type);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      payload.put(type.property((String) namesAndValues[i]), namesAndValues[i + 1]);
    }
    return payload;
  }

  /** Creates a stopped VM (or a running one with {@code start}) and returns it after its create job. */
  public EntityRecord createVm(String name, boolean start) {
    return set("VirtualMachines").create(SUBSCRIPTION,
        payload("VirtualMachines", "Name", name, "StampId", STAMP, "CloudId", CLOUD, "StartVM", start), false).entity();
  }

  /** The stored entity's current values by property name. */
  public Map<String, Object> read(String set, EntityKey key) {
    EntityTypeModel type = model.byEntitySet(set);
    EntityRecord record = vmm.set(set).read(SUBSCRIPTION, key);
    Map<String, Object> values = new LinkedHashMap<>();
    type.properties().forEach(p -> values.put(p.name(), record.value(p.index())));
    return values;
  }

  /** The adapters of {@code vm} (those whose VMId is its ID), by property name, in slot order. */
  public List<Map<String, Object>> adaptersOf(EntityRecord vm) {
    List<Map<String, Object>> of = new ArrayList<>();
    for (EntityRecord adapter : vmm.set("VirtualNetworkAdapters").list(SUBSCRIPTION)) {
      Map<String, Object> values = read("VirtualNetworkAdapters", adapter.key());
      if (vm.key().value(0).equals(values.get("VMId"))) {
        of.add(values);
      }
    }
    of.sort(Comparator.comparing(a -> (Integer) a.get("SlotId")));
    return of;
  }

  /** The job with this ID, by property name. */
  public Map<String, Object> job(Object id) {
    return read("Jobs", EntityKey.of(id, STAMP));
  }

  public static EntityKey key(Object id) {
    return EntityKey.of(id, STAMP);
  }

  @Override
  public void close() {
    vmm.close();
  }

  /** These tests load no world files. */
  private static final class NoWorldFiles implements EntityJson {
    @Override
    public EntityPayload read(byte[] json, EntityTypeModel type) {
      throw new UnsupportedOperationException("no world files in domain tests");
    }

    @Override
    public void write(OutputStream out, EntityTypeModel type, dev.spfemu.model.EntityValues values) {
      throw new UnsupportedOperationException("no world files in domain tests");
    }
  }
}
