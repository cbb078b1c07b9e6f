package dev.spfemu.store.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a log written by {@link LogWriter}, record by record. What a crash can leave — a last record cut
 * short, or its bytes not all on disk (a wrong checksum, zeros) with nothing after it — is a torn tail:
 * it was never acknowledged, so it is dropped and reported. A bad record with more data after it is
 * damage: {@link LogCorruptedException}, unless the caller asked to truncate there.
 */
public final class LogReader {

  /** What reading found. */
  public record Outcome(long records, long validBytes, long fileBytes, String warning) {

    /** Whether bytes after the last good record were dropped. */
    public boolean truncated() {
      return validBytes < fileBytes;
    }
  }

  private LogReader() {
  }

  /**
   * Passes each good payload of {@code file} to {@code records}, in order. A missing file holds no records.
   *
   * @param truncateCorrupt treat damage in the middle like a torn tail (the records after it are lost)
   * @throws LogCorruptedException on damage before the tail, unless {@code truncateCorrupt}
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Outcome read(Path file, boolean truncateCorrupt, Consumer<byte[]> records) {
    if (!Files.exists(file)) {
      return new Outcome(0, 0, 0, null);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long offset = 0;
      long count = 0;
      ByteBuffer header = ByteBuffer.allocate(LogRecords.HEADER_BYTES);
      while (offset < size) {
        String damage = null;
        byte[] payload = null;
        if (size - offset < LogRecords.HEADER_BYTES) {
          damage = "a record header cut short";
        } else {
          header.clear();
          readFully(channel, header, offset);
          int length = header.getInt(0);
          int checksum = header.getInt(4);
          if (length <= 0 || length > LogRecords.MAX_PAYLOAD_BYTES) {
            damage = "an impossible record length " + length;
          } else if (length > size - offset - LogRecords.HEADER_BYTES) {
            damage = "a record of " + length + " bytes cut short";
          } else {
            payload = new byte[length];
            readFully(channel, ByteBuffer.wrap(payload), offset + LogRecords.HEADER_BYTES);
            if (LogRecords.checksum(payload, 0, length) != checksum) {
              damage = "a record whose checksum does not match";
            }
          }
        }
        if (damage != null) {
          // where the bad record ends: after its payload, after its header when its length is impossible
          // (the bytes after it are then judged), or at the end of the file when it was cut short
          long end = payload != null ? offset + LogRecords.HEADER_BYTES + payload.length
              : damage.startsWith("an impossible") ? offset + LogRecords.HEADER_BYTES : size;
          if (end < size && !zerosFrom(channel, end, size) && !truncateCorrupt) {
            throw new LogCorruptedException(file, offset, damage);
          }
          return new Outcome(count, offset, size, "Dropped " + (size - offset) + " bytes at the end of "
              + file + " from byte offset " + offset + " (" + damage + "): "
              + (end < size && !zerosFrom(channel, end, size)
                  ? "damaged records, and every change after them, were cut off as asked"
                  : "a change being written when the emulator stopped, never acknowledged"));
        }
        records.accept(payload);
        count++;
        offset += LogRecords.HEADER_BYTES + payload.length;
      }
      return new Outcome(count, size, size, null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the change log " + file + ": " + e.getMessage(), e);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int read = channel.read(into, at);
      if (read < 0) {
        throw new IOException("unexpected end of file at " + at);
      }
      at += read;
    }
  }

  /** Whether {@code [from, to)} holds only zero bytes (a file system may extend a file with zeros in a crash). */
  private static boolean zerosFrom(FileChannel channel, long from, long to) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    byte[] zeros = new byte[chunk.capacity()];
    for (long at = from; at < to; ) {
      chunk.clear().limit((int) Math.min(chunk.capacity(), to - at));
      readFully(channel, chunk, at);
      if (!Arrays.equals(chunk.array(), 0, chunk.limit(), zeros, 0, chunk.limit())) {
        return false;
      }
      at += chunk.limit();
    }
    return true;
  }
}
