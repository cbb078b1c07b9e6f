package dev.spfemu.store.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A snapshot of the whole state (docs/design/data-dir.md), one framed record (length + CRC32C, as in the
 * log) in a file of its own, replaced atomically: written to a temporary file, fsynced, renamed over the
 * old one, and the directory fsynced, so after a crash the file holds the old snapshot or the new one,
 * whole. A snapshot that fails its checksum was damaged on disk: an error naming the file, never a
 * silent start from less.
 */
public final class SnapshotFile {

  private SnapshotFile() {
  }

  /**
   * Writes {@code payload} to {@code file} atomically and durably.
   *
   * @throws UncheckedIOException when it cannot be written
   */
  public static void write(Path file, byte[] payload) {
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = folder.resolve(file.getFileName() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer frame = LogRecords.frame(payload);
        while (frame.hasRemaining()) {
          channel.write(frame);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The payload of {@code file}.
   *
   * @throws LogCorruptedException when the file is not one whole snapshot (offset 0)
   * @throws UncheckedIOException when it cannot be read
   */
  public static byte[] read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      if (bytes.length < LogRecords.HEADER_BYTES) {
        throw LogCorruptedException.snapshot(file, "a snapshot shorter than its header");
      }
      int length = buffer.getInt();
      int checksum = buffer.getInt();
      if (length != bytes.length - LogRecords.HEADER_BYTES) {
        throw LogCorruptedException.snapshot(file, "a snapshot of " + length + " bytes in a file of " + bytes.length);
      }
      if (LogRecords.checksum(bytes, LogRecords.HEADER_BYTES, length) != checksum) {
        throw LogCorruptedException.snapshot(file, "a snapshot whose checksum does not match");
      }
      byte[] payload = new byte[length];
      buffer.get(payload);
      return payload;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  /** Makes a rename in {@code folder} durable; a no-op where directories cannot be opened (Windows). */
  private static void syncDirectory(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory; NTFS journals the rename itself
    }
  }
}
