package dev.spfemu.bench;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.store.SecondaryIndex;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The store's operations on {@code VMCheckPoints}, indexed by {@code (VMId, StampId)} as the domain
 * declares it for a VM's checkpoints: {@code findByKey}, {@code update} (a new {@code ModifiedTime},
 * one record copied), {@code findByIndex} (a VM's {@link Payloads#CHECKPOINTS_PER_VM} checkpoints) in a
 * store of {@link #checkpoints}, and {@code insert} into a store that grows during each iteration, as
 * under a stream of creates. Keys are drawn in a fixed pseudo-random order, so the hash tables are
 * not read in the order they were filled.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StoreBenchmark extends MicroBenchmark {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String SET = "VMCheckPoints";

  /** The checkpoints stored before the look-ups and updates. */
  @Param({"100000"})
  public int checkpoints;

  private InMemoryEntityStore store;
  private SecondaryIndex byVm;
  private EntityKey[] keys;
  private EntityKey[] vms;
  private int modifiedTime;
  private final OffsetDateTime now = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  @Setup
  public void setUp(Payloads payloads) {
    store = new InMemoryEntityStore();
    byVm = declareIndex(store, payloads.checkpointType);
    List<EntityRecord> records = payloads.checkpoints(checkpoints);
    keys = new EntityKey[records.size()];
    for (int i = 0; i < keys.length; i++) {
      store.insert(SUBSCRIPTION, SET, records.get(i));
      keys[i] = records.get(i).key();
    }
    Object stamp = payloads.checkpoint.value(payloads.checkpointType.property("StampId").index());
    vms = new EntityKey[checkpoints / Payloads.CHECKPOINTS_PER_VM];
    for (int i = 0; i < vms.length; i++) {
      vms[i] = EntityKey.of(Payloads.vmId(i), stamp);
    }
    modifiedTime = payloads.checkpointType.property("ModifiedTime").index();
  }

  /** The index the domain's navigation from a VM to its checkpoints declares. */
  static SecondaryIndex declareIndex(InMemoryEntityStore store, EntityTypeModel checkpoint) {
    return store.index(SET, checkpoint.property("VMId").index(), checkpoint.property("StampId").index());
  }

  /** Each thread's own walk over the keys. */
  @State(Scope.Thread)
  public static class Cursor {
    private int state = 0x2545F491;

    /** The next index below {@code bound}, from a xorshift sequence (cheap, and the same in every run). */
    int next(int bound) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state & Integer.MAX_VALUE) % bound;
    }
  }

  @Benchmark
  public Optional<EntityRecord> findByKey(Cursor cursor) {
    return store.find(SUBSCRIPTION, SET, keys[cursor.next(keys.length)]);
  }

  @Benchmark
  public Optional<EntityRecord> update(Cursor cursor) {
    return store.update(SUBSCRIPTION, SET, keys[cursor.next(keys.length)],
        record -> record.changed(values -> values[modifiedTime] = now));
  }

  @Benchmark
  public List<EntityRecord> findByIndex(Cursor cursor) {
    return store.findBy(SUBSCRIPTION, byVm, vms[cursor.next(vms.length)]);
  }

  @Benchmark
  public boolean insert(Inserts inserts) {
    return inserts.store.insert(SUBSCRIPTION, SET, inserts.next());
  }

  /** A store of its own per thread for {@code insert}, empty again at the start of each iteration. */
  @State(Scope.Thread)
  public static class Inserts {
    private InMemoryEntityStore store;
    private Object[] template;
    private EntityTypeModel type;
    private int id;
    private long created;

    @Setup(Level.Iteration)
    public void empty(Payloads payloads) {
      type = payloads.checkpointType;
      store = new InMemoryEntityStore();
      declareIndex(store, type);
      template = payloads.checkpoint.values();
      id = type.property("ID").index();
    }

    /** A new checkpoint: the template with a new ID (its values array copied, as a create's is). */
    EntityRecord next() {
      Object[] values = template.clone();
      values[id] = new UUID(3, created++);
      return Payloads.keyed(type, values);
    }
  }
}
