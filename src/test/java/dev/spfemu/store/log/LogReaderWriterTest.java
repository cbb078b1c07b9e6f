package dev.spfemu.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderWriterTest {

  @TempDir
  Path dir;

  private Path log() {
    return dir.resolve("changes.log");
  }

  private void write(String... payloads) {
    try (LogWriter writer = LogWriter.open(log(), 0)) {
      for (String payload : payloads) {
        writer.append(payload.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private List<String> read(boolean truncateCorrupt) {
    List<String> records = new ArrayList<>();
    LogReader.read(log(), truncateCorrupt, bytes -> records.add(new String(bytes, StandardCharsets.UTF_8)));
    return records;
  }

  /** Byte offset where record {@code index} (0-based) of records of these sizes starts. */
  private static long offsetOf(int index, String... payloads) {
    long offset = 0;
    for (int i = 0; i < index; i++) {
      offset += LogRecords.HEADER_BYTES + payloads[i].length();
    }
    return offset;
  }

  private void corrupt(long position) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
      file.seek(position);
      int b = file.read();
      file.seek(position);
      file.write(b ^ 0x40);
    }
  }

  private void append(byte[] bytes) throws IOException {
    Files.write(log(), bytes, java.nio.file.StandardOpenOption.APPEND);
  }

  @Test
  void recordsAreReadBackInOrder() {
    write("one", "two", "three");
    LogReader.Outcome outcome = LogReader.read(log(), false, bytes -> { });
    assertThat(read(false)).containsExactly("one", "two", "three");
    assertThat(outcome.records()).isEqualTo(3);
    assertThat(outcome.truncated()).isFalse();
    assertThat(outcome.warning()).isNull();
  }

  @Test
  void aMissingLogHoldsNoRecords() {
    LogReader.Outcome outcome = LogReader.read(log(), false, bytes -> { });
    assertThat(outcome.records()).isZero();
    assertThat(outcome.validBytes()).isZero();
  }

  @Test
  void aLastRecordCutShortIsDroppedWithAWarning() throws IOException {
    write("one", "two");
    long size = Files.size(log());
    try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
      file.setLength(size - 1);
    }
    LogReader.Outcome outcome = LogReader.read(log(), false, bytes -> { });
    assertThat(read(false)).containsExactly("one");
    assertThat(outcome.validBytes()).isEqualTo(offsetOf(1, "one", "two"));
    assertThat(outcome.warning()).contains("byte offset " + offsetOf(1, "one", "two")).contains("never acknowledged");
  }

  @Test
  void aLastHeaderCutShortIsDropped() throws IOException {
    write("one");
    append(new byte[] {0, 0, 0});
    LogReader.Outcome outcome = LogReader.read(log(), false, bytes -> { });
    assertThat(read(false)).containsExactly("one");
    assertThat(outcome.warning()).contains("header cut short");
  }

  @Test
  void aLastRecordWithABadChecksumIsATornTail() throws IOException {
    write("one", "two");
    corrupt(Files.size(log()) - 1);
    assertThat(read(false)).containsExactly("one");
  }

  @Test
  void zerosAfterTheLastRecordAreATornTail() throws IOException {
    write("one");
    append(new byte[4096]);
    LogReader.Outcome outcome = LogReader.read(log(), false, bytes -> { });
    assertThat(read(false)).containsExactly("one");
    assertThat(outcome.fileBytes() - outcome.validBytes()).isEqualTo(4096);
  }

  @Test
  void aBadChecksumBeforeTheEndStopsReadingNamingFileAndOffset() throws IOException {
    write("one", "two", "three");
    corrupt(offsetOf(1, "one", "two", "three") + LogRecords.HEADER_BYTES);
    long offset = offsetOf(1, "one", "two", "three");
    assertThatThrownBy(() -> read(false))
        .isInstanceOfSatisfying(LogCorruptedException.class, e -> {
          assertThat(e.offset()).isEqualTo(offset);
          assertThat(e.file()).isEqualTo(log());
        })
        .hasMessageContaining(log().toString())
        .hasMessageContaining("byte offset " + offset)
        .hasMessageContaining("--data-dir-truncate-corrupt");
  }

  @Test
  void anImpossibleLengthBeforeTheEndIsDamage() throws IOException {
    write("one", "two");
    corrupt(0); // the length's high byte: a length beyond any record
    assertThatThrownBy(() -> read(false)).isInstanceOf(LogCorruptedException.class)
        .hasMessageContaining("byte offset 0");
  }

  @Test
  void truncatingAtDamageKeepsTheRecordsBeforeIt() throws IOException {
    write("one", "two", "three");
    corrupt(offsetOf(1, "one", "two", "three") + LogRecords.HEADER_BYTES);
    List<String> records = new ArrayList<>();
    LogReader.Outcome outcome = LogReader.read(log(), true, b -> records.add(new String(b, StandardCharsets.UTF_8)));
    assertThat(records).containsExactly("one");
    assertThat(outcome.validBytes()).isEqualTo(offsetOf(1, "one", "two", "three"));
    assertThat(outcome.warning()).contains("cut off as asked");
  }

  @Test
  void reopeningCutsTheTornTailAndAppendsAfterTheGoodRecords() throws IOException {
    write("one", "two");
    append(new byte[] {0, 0, 0, 9, 1, 2});
    LogReader.Outcome outcome = LogReader.read(log(), false, bytes -> { });
    try (LogWriter writer = LogWriter.open(log(), outcome.validBytes())) {
      writer.append("three".getBytes(StandardCharsets.UTF_8));
      assertThat(writer.durableBytes()).isEqualTo(Files.size(log()));
    }
    assertThat(read(false)).containsExactly("one", "two", "three");
  }

  @Test
  void anEmptyRecordIsRefused() {
    try (LogWriter writer = LogWriter.open(log(), 0)) {
      assertThatThrownBy(() -> writer.append(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void concurrentAppendsAreAllDurableAndWhole() throws Exception {
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (LogWriter writer = LogWriter.open(log(), 0)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            writer.append(("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      assertThat(writer.syncs()).isBetween(1L, (long) threads * perThread);
    } finally {
      pool.shutdown();
    }
    List<String> records = read(false);
    Set<String> distinct = new HashSet<>(records);
    assertThat(records).hasSize(threads * perThread);
    assertThat(distinct).hasSize(threads * perThread);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      List<String> own = records.stream().filter(r -> r.startsWith("t" + thread + "-")).toList();
      assertThat(own).first().isEqualTo("t" + thread + "-0");
      assertThat(own).last().isEqualTo("t" + thread + "-" + (perThread - 1));
    }
  }

  @Test
  void afterAFailedWriteNothingMoreIsAcknowledged() {
    LogWriter writer = LogWriter.open(log(), 0);
    writer.append("one".getBytes(StandardCharsets.UTF_8));
    writer.close(); // the log is closed: the next write fails
    assertThatThrownBy(() -> writer.append("two".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("Cannot write the change log " + log());
    assertThatThrownBy(() -> writer.append("three".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("an earlier write or fsync failed");
    assertThat(read(false)).containsExactly("one");
  }
}
