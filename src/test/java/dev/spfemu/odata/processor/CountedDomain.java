package dev.spfemu.odata.processor;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.vmm.Vmm;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The domain and the protocol pipeline over a {@link CountingStore}, without HTTP: the tests that count
 * what a request asks of the store put entities straight into it and read them through {@link #calls}.
 */
final class CountedDomain implements AutoCloseable {

  final VmmEdm edm = VmmEdm.loadDefault();
  final CountingStore store = new CountingStore();
  final Vmm vmm;
  final PipelineCalls calls;

  CountedDomain(Clock clock, int pageSize) {
    vmm = Vmm.create(edm.model(), store, IdGenerator.seeded(1), clock, Duration.ZERO, new WorldEntityJson());
    calls = new PipelineCalls(new ODataPipeline(edm, vmm, clock, pageSize));
  }

  /** Stores an entity of {@code set} with these values (by property name), keyed by its ID and {@code stamp}. */
  void insert(String subscription, String set, UUID stamp, Map<String, Object> values) {
    EntityTypeModel type = edm.model().byEntitySet(set);
    Object[] array = new Object[type.propertyCount()];
    values.forEach((name, value) -> array[type.property(name).index()] = value);
    store.insert(subscription, set, new EntityRecord(EntityKey.of(values.get("ID"), stamp), array));
  }

  @Override
  public void close() {
    vmm.close();
  }
}
