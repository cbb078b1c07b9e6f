package dev.spfemu.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.store.log.DataDirLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change log over real stores and files: units kept whole and replayed, replay by sequence, snapshots
 * (wholesale replacements, and a log grown too large), settings, and what is refused.
 */
class ChangeLogTest {

  private static final ServiceModel MODEL = ModelLoader.loadDefault();
  private static final EntityTypeModel CLOUD = MODEL.byEntitySet("Clouds");
  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");

  @TempDir
  Path dir;

  private final List<ChangeLog> open = new ArrayList<>();
  private final FakeSettings settings = new FakeSettings();

  @AfterEach
  void closeAll() {
    open.forEach(ChangeLog::close);
  }

  /** A kept service over a new store, started from the data directory (or from {@code starting} when new). */
  private InMemoryEntityStore started(long maxLogBytes) {
    return started(maxLogBytes, store -> { });
  }

  private InMemoryEntityStore started(long maxLogBytes, Consumer<InMemoryEntityStore> startingWorld) {
    return startedIn(dir, false, maxLogBytes, startingWorld);
  }

  private InMemoryEntityStore startedIn(Path folder, boolean truncateCorrupt, long maxLogBytes,
      Consumer<InMemoryEntityStore> startingWorld) {
    ChangeLog log = ChangeLog.open(folder, truncateCorrupt, maxLogBytes);
    open.add(log);
    InMemoryEntityStore store = new InMemoryEntityStore(log.listener("vmm"), log);
    log.keep(new KeptService("vmm", MODEL, store, new WorldEntityJson()));
    log.start(settings, () -> startingWorld.accept(store), () -> { });
    return store;
  }

  private ChangeLog log() {
    return open.get(open.size() - 1);
  }

  private void restart() {
    ChangeLog last = open.remove(open.size() - 1);
    last.close();
  }

  private static EntityRecord cloud(UUID id, String name) {
    Object[] values = new Object[CLOUD.propertyCount()];
    values[CLOUD.property("ID").index()] = id;
    values[CLOUD.property("StampId").index()] = STAMP;
    values[CLOUD.property("Name").index()] = name;
    return new EntityRecord(EntityKey.of(id, STAMP), values);
  }

  private static Optional<String> nameOf(InMemoryEntityStore store, UUID id) {
    return store.find(SUBSCRIPTION, "Clouds", EntityKey.of(id, STAMP))
        .map(record -> (String) record.value(CLOUD.property("Name").index()));
  }

  private void inUnit(Runnable changes) {
    log().begin();
    try {
      changes.run();
    } finally {
      log().commit();
    }
  }

  @Test
  void aNewDirectoryStartsFromTheStartingWorldAndKeepsEveryCommittedUnit() {
    UUID seeded = UUID.randomUUID();
    UUID created = UUID.randomUUID();
    UUID removed = UUID.randomUUID();
    InMemoryEntityStore first = started(1 << 20, store -> store.insert(SUBSCRIPTION, "Clouds", cloud(seeded, "seeded")));
    inUnit(() -> {
      first.insert(SUBSCRIPTION, "Clouds", cloud(created, "created"));
      first.insert(SUBSCRIPTION, "Clouds", cloud(removed, "short-lived"));
      first.update(SUBSCRIPTION, "Clouds", cloud(created, "").key(), r -> cloud(created, "renamed"));
    });
    inUnit(() -> first.remove(SUBSCRIPTION, "Clouds", cloud(removed, "").key()));
    restart();

    InMemoryEntityStore second = started(1 << 20, store -> {
      throw new AssertionError("a kept world is not loaded from the starting world again");
    });
    assertThat(nameOf(second, seeded)).contains("seeded");
    assertThat(nameOf(second, created)).contains("renamed");
    assertThat(nameOf(second, removed)).isEmpty();
    assertThat(second.lastSequence()).as("new changes order after the replayed ones").isGreaterThanOrEqualTo(4);
  }

  @Test
  void aUnitWaitsForTheOpenOneSoItsRecordNeverPrecedesAChangeItBuildsOn() throws Exception {
    UUID id = UUID.randomUUID();
    InMemoryEntityStore store = started(1 << 20);
    log().begin();
    store.insert(SUBSCRIPTION, "Clouds", cloud(id, "created, not yet kept"));
    boolean[] began = new boolean[1];
    Thread later = new Thread(() -> inUnit(() -> {
      synchronized (began) {
        began[0] = true;
      }
      store.update(SUBSCRIPTION, "Clouds", cloud(id, "").key(), r -> cloud(id, "changed by the later unit"));
    }));
    later.start();
    while (later.getState() != Thread.State.WAITING) { // blocked in begin() behind the open unit
      Thread.onSpinWait();
    }
    synchronized (began) {
      assertThat(began[0]).as("the later unit has not begun while the first is open").isFalse();
    }
    log().commit();
    later.join();
    restart();
    assertThat(nameOf(started(1 << 20), id)).contains("changed by the later unit");
  }

  @Test
  void aChangeOutsideAnyUnitIsKeptOnItsOwn() {
    UUID id = UUID.randomUUID();
    started(1 << 20).insert(SUBSCRIPTION, "Clouds", cloud(id, "alone"));
    restart();
    assertThat(nameOf(started(1 << 20), id)).contains("alone");
  }

  @Test
  void aWholesaleReplacementEndsInASnapshotThatReplacesTheOldFiles() throws Exception {
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    InMemoryEntityStore store = started(1 << 20);
    inUnit(() -> store.insert(SUBSCRIPTION, "Clouds", cloud(before, "before")));
    log().exclusively(() -> {
      store.clear();
      store.insert(SUBSCRIPTION, "Clouds", cloud(after, "after"));
    });
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .contains("snapshot-00000002.bin", "changes-00000002.log")
          .doesNotContain("snapshot-00000001.bin", "changes-00000001.log");
    }
    restart();

    InMemoryEntityStore kept = started(1 << 20);
    assertThat(nameOf(kept, before)).isEmpty();
    assertThat(nameOf(kept, after)).contains("after");
  }

  @Test
  void anEntityLargerThanTheReadBufferIsReadBackWhole() {
    UUID id = UUID.randomUUID();
    String large = "x".repeat(200_000); // lines are read in 64 KiB blocks
    InMemoryEntityStore store = started(1 << 20);
    inUnit(() -> store.insert(SUBSCRIPTION, "Clouds", cloud(id, large)));
    log().exclusively(() -> { }); // and once more through a snapshot
    inUnit(() -> store.update(SUBSCRIPTION, "Clouds", cloud(id, "").key(), r -> cloud(id, large + "y")));
    restart();
    assertThat(nameOf(started(1 << 20), id)).contains(large + "y");
  }

  @Test
  void damageCutFromALogThatIsNotTheLastSetsTheLaterLogsAside() throws Exception {
    UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    InMemoryEntityStore store = started(1 << 20);
    for (int i = 0; i < 3; i++) {
      UUID id = ids[i];
      inUnit(() -> store.insert(SUBSCRIPTION, "Clouds", cloud(id, "in generation 1")));
    }
    Path crashed = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-crashed"));
    for (String name : List.of("snapshot-00000001.bin", "changes-00000001.log")) {
      Files.copy(dir.resolve(name), crashed.resolve(name));
    }
    log().exclusively(() -> { }); // generation 2 begins
    inUnit(() -> store.insert(SUBSCRIPTION, "Clouds", cloud(ids[3], "in generation 2")));
    restart();
    // as a crash between generation 2's new log and its snapshot leaves it: both logs, the old snapshot
    Files.copy(dir.resolve("changes-00000002.log"), crashed.resolve("changes-00000002.log"));
    try (java.io.RandomAccessFile log = new java.io.RandomAccessFile(crashed.resolve("changes-00000001.log").toFile(),
        "rw")) {
      long second = 8 + log.readInt();
      log.seek(second + 8 + 10);
      log.write(log.read() ^ 0x20); // a byte of the second record's payload
    }

    assertThatThrownBy(() -> startedIn(crashed, false, 1 << 20, s -> { }))
        .hasMessageContaining("changes-00000001.log is damaged at byte offset");
    restart();
    InMemoryEntityStore kept = startedIn(crashed, true, 1 << 20, s -> { });
    assertThat(nameOf(kept, ids[0])).contains("in generation 1");
    assertThat(nameOf(kept, ids[1])).isEmpty();
    assertThat(nameOf(kept, ids[2])).isEmpty();
    assertThat(nameOf(kept, ids[3])).as("after the cut: set aside, not applied").isEmpty();
    assertThat(crashed.resolve("changes-00000002.log")).doesNotExist();
    assertThat(crashed.resolve("changes-00000002.log.set-aside")).exists();
  }

  @Test
  void aStoreClearedOutsideAWholesaleReplacementIsRefused() {
    InMemoryEntityStore store = started(1 << 20);
    assertThatThrownBy(store::clear).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside ChangeLog.exclusively");
  }

  @Test
  void aLogLargerThanItsLimitIsFoldedIntoASnapshot() {
    InMemoryEntityStore store = started(1024);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      inUnit(() -> store.insert(SUBSCRIPTION, "Clouds", cloud(id, "cloud " + ids.size())));
    }
    restart(); // waits for a snapshot under way
    assertThat(new DataFiles(dir).newestSnapshot()).isGreaterThan(1);
    assertThat(new DataFiles(dir).logs()).allMatch(generation -> generation >= new DataFiles(dir).newestSnapshot());

    InMemoryEntityStore kept = started(1024);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(nameOf(kept, ids.get(i))).contains("cloud " + (i + 1));
    }
  }

  @Test
  void aLargeWorldIsSnapshotAgainOnlyOnceTheLogHoldsAsMuch() {
    InMemoryEntityStore store = started(1024, starting -> {
      for (int i = 0; i < 200; i++) {
        starting.insert(SUBSCRIPTION, "Clouds", cloud(UUID.randomUUID(), "starting world " + i));
      }
    });
    long snapshotBytes = new DataFiles(dir).size(new DataFiles(dir).snapshot(1));
    long logged = 0;
    while (logged < snapshotBytes / 2) { // well past --max-log-bytes, short of the snapshot
      UUID id = UUID.randomUUID();
      inUnit(() -> store.insert(SUBSCRIPTION, "Clouds", cloud(id, "logged")));
      logged = new DataFiles(dir).size(new DataFiles(dir).changes(1));
    }
    restart();
    assertThat(new DataFiles(dir).newestSnapshot()).as("no snapshot yet").isEqualTo(1);

    InMemoryEntityStore again = started(1024);
    while (new DataFiles(dir).newestSnapshot() == 1 && logged < 4 * snapshotBytes) {
      UUID id = UUID.randomUUID();
      inUnit(() -> again.insert(SUBSCRIPTION, "Clouds", cloud(id, "logged")));
      logged = new DataFiles(dir).size(new DataFiles(dir).changes(1));
    }
    restart();
    assertThat(new DataFiles(dir).newestSnapshot()).as("a snapshot once the log outgrew it").isGreaterThan(1);
  }

  @Test
  void theClockAndTheGuidsDrawnAreKept() {
    started(1 << 20);
    settings.draws = 42;
    settings.clock = "2030-01-01T00:00:00Z/PT0S";
    log().clockChanged();
    restart();
    settings.clock = "-/PT0S";
    settings.draws = 0;

    started(1 << 20);
    assertThat(settings.skipped).isEqualTo(42);
    assertThat(settings.clock).isEqualTo("2030-01-01T00:00:00Z/PT0S");
  }

  @Test
  void aDirectoryInUseIsRefused() {
    started(1 << 20);
    assertThatThrownBy(() -> ChangeLog.open(dir, false, 1 << 20))
        .isInstanceOf(DataDirLock.DataDirInUseException.class);
  }

  @Test
  void logsWithoutASnapshotAreRefusedRatherThanStartedFromNothing() throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve("changes-00000003.log"), new byte[0]);
    ChangeLog log = ChangeLog.open(dir, false, 1 << 20);
    open.add(log);
    assertThatThrownBy(() -> log.start(settings, () -> { }, () -> { }))
        .hasMessageContaining("has change logs but no snapshot");
  }

  /** Settings a test sets and reads. */
  private static final class FakeSettings implements KeptSettings {
    long draws;
    long skipped;
    String clock = "-/PT0S";

    @Override
    public long idDraws() {
      return draws;
    }

    @Override
    public void skipIds(long count) {
      skipped = count;
    }

    @Override
    public String clock() {
      return clock;
    }

    @Override
    public void restoreClock(String setting) {
      clock = setting;
    }
  }
}
