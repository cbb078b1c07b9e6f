package dev.spfemu.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A data directory's files as the persistence contract names them (docs/design/data-dir.md), read and damaged
 * the way a crash or a bad disk would, by code independent of the emulator's own reader: records framed as
 * {@code [int32 length][int32 CRC32C(payload)][payload]}, big-endian, in {@code changes-NNNNNNNN.log}, and
 * {@code snapshot-NNNNNNNN.bin} per generation.
 */
final class DataDirFiles {

  static final Pattern LOG = Pattern.compile("changes-(\\d{8})\\.log");
  static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{8})\\.bin");
  private static final int HEADER_BYTES = 8;

  /** One record of a change log: where it starts, and its payload. */
  record Record(Path file, long offset, byte[] payload) {
  }

  private DataDirFiles() {
  }

  /** The generations of the files of one kind ({@link #LOG} or {@link #SNAPSHOT}) in {@code dir}, in order. */
  static List<Integer> generations(Path dir, Pattern kind) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> kind.matcher(file.getFileName().toString())).filter(Matcher::matches)
          .map(matcher -> Integer.parseInt(matcher.group(1))).sorted().toList();
    }
  }

  /** The change log of the newest generation: the one a restart replays last, where a crash tears a record. */
  static Path newestLog(Path dir) throws IOException {
    List<Integer> generations = generations(dir, LOG);
    if (generations.isEmpty()) {
      throw new AssertionError("no changes-NNNNNNNN.log in " + dir);
    }
    return dir.resolve(String.format("changes-%08d.log", generations.get(generations.size() - 1)));
  }

  /** The records of a whole, undamaged log, in order. */
  static List<Record> records(Path log) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(log));
    List<Record> records = new ArrayList<>();
    while (bytes.hasRemaining()) {
      int offset = bytes.position();
      int length = bytes.getInt();
      int checksum = bytes.getInt();
      byte[] payload = new byte[length];
      bytes.get(payload);
      assertEquals(checksum, crc32c(payload), "the record at offset " + offset + " of " + log);
      records.add(new Record(log, offset, payload));
    }
    return records;
  }

  /** The one record of the newest log whose payload holds {@code text} (an entity's ID, say). */
  static Record recordHolding(Path dir, String text) throws IOException {
    List<Record> holding = records(newestLog(dir)).stream()
        .filter(record -> new String(record.payload(), StandardCharsets.UTF_8).contains(text)).toList();
    assertEquals(1, holding.size(), "records of " + newestLog(dir) + " holding " + text);
    return holding.get(0);
  }

  /** Flips every bit of one byte in the middle of a record's payload, as a bad sector would. */
  static void damage(Record record) throws IOException {
    long position = record.offset() + HEADER_BYTES + record.payload().length / 2;
    byte[] bytes = Files.readAllBytes(record.file());
    bytes[(int) position] ^= (byte) 0xFF;
    Files.write(record.file(), bytes);
  }

  static void append(Path log, byte[] bytes) throws IOException {
    Files.write(log, bytes, StandardOpenOption.APPEND);
  }

  /** A framed record: {@code [length][checksum][payload]}, with the checksum given (a wrong one, say). */
  static byte[] frame(byte[] payload, int checksum) {
    return ByteBuffer.allocate(HEADER_BYTES + payload.length).putInt(payload.length).putInt(checksum).put(payload)
        .array();
  }

  static int crc32c(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  /**
   * Copies every file of {@code dir} into {@code into} (emptied first). Taken while an emulator runs with no
   * request in flight, the copy is what a crash at that moment leaves: every acknowledged change is on disk.
   */
  static Path copy(Path dir, Path into) throws IOException {
    if (Files.exists(into)) {
      try (Stream<Path> old = Files.walk(into)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(into);
    if (!Files.isDirectory(dir)) {
      return into;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.copy(file, into.resolve(file.getFileName()));
      }
    }
    return into;
  }
}
