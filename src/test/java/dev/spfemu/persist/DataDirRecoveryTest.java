package dev.spfemu.persist;

import static dev.spfemu.http.RestRequests.jsonLight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.Limits;
import dev.spfemu.SpfEmulator;
import dev.spfemu.SpfEmulator.EmulatorStartException;
import dev.spfemu.http.DemoWorld;
import dev.spfemu.persist.DataDirFiles.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * {@code --data-dir} end to end, in process: entities made over HTTP, the directory damaged as a crash or a bad
 * disk leaves it, and what the next start makes of it (the contract: docs/design/data-dir.md). A "crash image"
 * is a copy of the directory taken while the emulator runs with nothing in flight: what {@code kill -9} at that
 * moment would leave, whatever a clean close writes besides.
 */
class DataDirRecoveryTest {

  /** Far more creates than a snapshot of the demo world needs before the next one (some 30). */
  private static final int MOST_CREATES = 1000;

  @TempDir
  Path folder;

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final List<SpfEmulator> started = new ArrayList<>();

  @BeforeEach
  void listen() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void closeAndStopListening() {
    root.detachAppender(logged);
    started.forEach(SpfEmulator::close);
  }

  /** What a crash can leave after the last whole record: none of it was acknowledged. */
  enum TornTail {
    HALF_A_HEADER(new byte[] {0, 0, 1}),
    A_PAYLOAD_CUT_SHORT(Arrays.copyOf(DataDirFiles.frame(payload(), DataDirFiles.crc32c(payload())), 20)),
    A_WRONG_CHECKSUM(DataDirFiles.frame(payload(), DataDirFiles.crc32c(payload()) + 1)),
    ZEROS(new byte[512]);

    final byte[] bytes;

    TornTail(byte[] bytes) {
      this.bytes = bytes;
    }

    private static byte[] payload() {
      return "{\"changes\":[]}".repeat(4).getBytes(StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @EnumSource(TornTail.class)
  void aTornLastRecordIsDroppedWithAWarningAndEveryChangeBeforeItKept(TornTail tail) throws Exception {
    SpfEmulator spf = start(options(folder.resolve("data")));
    List<String> made = List.of(createCheckpoint(spf, "a"), createCheckpoint(spf, "b"), createCheckpoint(spf, "c"));
    Path image = DataDirFiles.copy(folder.resolve("data"), folder.resolve("image"));
    Path log = DataDirFiles.newestLog(image);
    DataDirFiles.append(log, tail.bytes);

    SpfEmulator restarted = start(options(image));
    for (String id : made) {
      assertTrue(exists(restarted, id), "checkpoint " + id + " made before the torn record");
    }
    // the file's whole path: other test classes, running at the same time, log about logs of the same name
    assertTrue(warned("torn", log.toString()), "a WARN on the torn tail of " + log + ": " + warnings());

    // the torn bytes must be cut before the next append, or the next start finds damage in the middle
    String after = createCheckpoint(restarted, "after the torn tail");
    Path second = DataDirFiles.copy(image, folder.resolve("second image"));
    SpfEmulator again = start(options(second));
    for (String id : List.of(made.get(0), made.get(1), made.get(2), after)) {
      assertTrue(exists(again, id), "checkpoint " + id + " after the second restart");
    }
  }

  @Test
  void aDamagedRecordWithGoodOnesAfterItStopsTheStartNamingFileAndOffset() throws Exception {
    Damaged damaged = secondOfThreeDamaged();

    String message = refusedStart(options(damaged.image())).getMessage();
    assertTrue(message.contains(damaged.record().file().getFileName().toString()), message);
    assertTrue(message.contains("offset " + damaged.record().offset()), "offset " + damaged.record().offset()
        + ": " + message);
    assertTrue(message.contains("--data-dir-truncate-corrupt"), message);
  }

  @Test
  void truncateCorruptLogStartsWithTheChangesBeforeTheDamageOnly() throws Exception {
    Damaged damaged = secondOfThreeDamaged();

    SpfEmulator spf = start(options(damaged.image()).truncateCorruptLog(true));
    assertTrue(exists(spf, damaged.made().get(0)), "the checkpoint made before the damaged record");
    assertFalse(exists(spf, damaged.made().get(1)), "the checkpoint of the damaged record");
    assertFalse(exists(spf, damaged.made().get(2)), "the checkpoint made after the damaged record");
    assertTrue(warned(damaged.record().file().toString()), "a WARN says changes were cut off from "
        + damaged.record().file() + ": " + warnings());
  }

  @Test
  void aSecondEmulatorOnADirInUseIsRefusedNamingItAndTheDirIsFreeOnceClosed() {
    Path dir = folder.resolve("data");
    SpfEmulator first = start(options(dir));
    String made = createCheckpoint(first, "by the first");

    EmulatorStartException refused = refusedStart(options(dir));
    assertTrue(refused.getMessage().contains(dir.toString()), refused.getMessage());

    close(first);
    SpfEmulator next = start(options(dir));
    assertTrue(exists(next, made));
  }

  @Test
  void aRestartAfterACleanCloseKeepsCreatesUpdatesAndDeletes() {
    Path dir = folder.resolve("data");
    SpfEmulator spf = start(options(dir));
    String kept = createCheckpoint(spf, "kept");
    String deleted = createCheckpoint(spf, "deleted");
    jsonLight().body("{\"Description\":\"changed before the restart\"}")
        .request("MERGE", root(spf) + ServiceCalls.key("VMCheckPoints", kept)).then().statusCode(204);
    jsonLight().delete(root(spf) + ServiceCalls.key("VMCheckPoints", deleted)).then().statusCode(204);
    String vm = ServiceCalls.json(jsonLight().body(DemoWorld.vmFromTemplateBody("kept-vm"))
        .post(root(spf) + "VirtualMachines?RunAsynchronously=0").then().statusCode(201).extract().asString())
        .get("ID").asText();
    jsonLight().body("{\"Description\":\"a VM changed before the restart\"}")
        .request("MERGE", root(spf) + ServiceCalls.key("VirtualMachines", vm)).then().statusCode(204);
    close(spf);

    SpfEmulator restarted = start(options(dir));
    assertEquals("changed before the restart", read(restarted, "VMCheckPoints", kept).get("Description").asText());
    assertFalse(exists(restarted, deleted), "the deleted checkpoint stays deleted");
    assertEquals("a VM changed before the restart", read(restarted, "VirtualMachines", vm).get("Description")
        .asText());
    String disks = jsonLight().get(root(restarted) + ServiceCalls.key("VirtualMachines", vm) + "/VirtualHardDisks")
        .then().statusCode(200).extract().asString();
    assertEquals(1, ServiceCalls.json(disks).get("value").size(), "the VM's disk: " + disks);
    assertTrue(exists(restarted, createCheckpoint(restarted, "after the restart")), "writes go on");
  }

  @Test
  void aSnapshotFoldsTheLogPastItsLimitTheOldLogsGoAndARestartHasEverything() throws Exception {
    Path dir = folder.resolve("data");
    EmulatorOptions.Builder options = options(dir).limits(Limits.defaults().withMaxLogBytes(1024));
    SpfEmulator spf = start(options);
    int firstSnapshot = newest(generations(dir, DataDirFiles.SNAPSHOT));
    List<String> made = new ArrayList<>();
    // the next snapshot comes once the log holds the limit and as much as the last snapshot (the demo world,
    // some 60 KiB), written in the background after the reply that crossed it: create until it is there
    while (newest(generations(dir, DataDirFiles.SNAPSHOT)) <= firstSnapshot) {
      assertTrue(made.size() < MOST_CREATES, "no snapshot newer than generation " + firstSnapshot + " after "
          + made.size() + " creates");
      made.add(createCheckpoint(spf, "snapshot " + made.size()));
    }
    // the older generations are deleted once the snapshot is on disk (waited for as a hang guard, not timed)
    eventually(() -> generations(dir, DataDirFiles.LOG).stream()
            .allMatch(log -> log >= newest(generations(dir, DataDirFiles.SNAPSHOT))),
        "no change log older than the newest snapshot");
    close(spf);

    SpfEmulator restarted = start(options);
    for (String id : made) {
      assertTrue(exists(restarted, id), "checkpoint " + id);
    }
  }

  /** A crash image whose log holds a damaged record with good ones after it. */
  private record Damaged(Path image, Record record, List<String> made) {
  }

  /** A crash image with three checkpoints made, one record each, the second's record damaged in its payload. */
  private Damaged secondOfThreeDamaged() throws Exception {
    SpfEmulator spf = start(options(folder.resolve("data")));
    List<String> made = List.of(createCheckpoint(spf, "first"), createCheckpoint(spf, "second"),
        createCheckpoint(spf, "third"));
    Path image = DataDirFiles.copy(folder.resolve("data"), folder.resolve("image"));
    close(spf);
    Record second = DataDirFiles.recordHolding(image, made.get(1));
    DataDirFiles.damage(second);
    return new Damaged(image, second, made);
  }

  private static EmulatorOptions.Builder options(Path dir) {
    return SpfEmulator.builder().dynamicPort().dataDir(dir);
  }

  private SpfEmulator start(EmulatorOptions.Builder options) {
    SpfEmulator spf = options.start();
    started.add(spf);
    return spf;
  }

  /** Closes cleanly, as {@code SpfEmulator.close()} and the jar on SIGTERM do. */
  private void close(SpfEmulator spf) {
    started.remove(spf);
    spf.close();
  }

  private EmulatorStartException refusedStart(EmulatorOptions.Builder options) {
    try {
      start(options);
    } catch (EmulatorStartException refused) {
      return refused;
    }
    throw new AssertionError("the emulator started; it should have refused to");
  }

  private static String root(SpfEmulator spf) {
    return spf.serviceRoot(DemoWorld.SUBSCRIPTION);
  }

  /** Creates a checkpoint of the demo VM; returns its ID. */
  private static String createCheckpoint(SpfEmulator spf, String name) {
    String created = jsonLight().body(DemoWorld.checkpointBody(name)).post(root(spf) + "VMCheckPoints").then()
        .statusCode(201).extract().asString();
    return ServiceCalls.json(created).get("ID").asText();
  }

  private static boolean exists(SpfEmulator spf, String checkpoint) {
    int status = jsonLight().get(root(spf) + ServiceCalls.key("VMCheckPoints", checkpoint)).statusCode();
    assertTrue(status == 200 || status == 404, "GET checkpoint " + checkpoint + ": " + status);
    return status == 200;
  }

  private static JsonNode read(SpfEmulator spf, String set, String id) {
    return ServiceCalls.json(jsonLight().get(root(spf) + ServiceCalls.key(set, id)).then().statusCode(200).extract()
        .asString());
  }

  /** Whether a WARN line holds every one of {@code words} (any case). */
  private boolean warned(String... words) {
    return warnings().stream().anyMatch(line -> Arrays.stream(words)
        .allMatch(word -> line.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))));
  }

  private List<String> warnings() {
    synchronized (logged) { // the appender adds under its own lock, from whichever thread logs
      return logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  private static List<Integer> generations(Path dir, Pattern kind) {
    try {
      return DataDirFiles.generations(dir, kind);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int newest(List<Integer> generations) {
    return generations.isEmpty() ? -1 : generations.get(generations.size() - 1);
  }

  private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never came: " + what);
      }
      Thread.sleep(20);
    }
  }
}
