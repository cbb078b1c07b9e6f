package dev.spfemu.store.log;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * A snapshot of the whole state (docs/design/data-dir.md) in a file of its own: an 8-byte payload length
 * and a 4-byte CRC32C of the payload, then the payload, replaced atomically: written to a temporary file,
 * fsynced, renamed over the old one, and the directory fsynced, so after a crash the file holds the old
 * snapshot or the new one, whole. The payload is streamed in both directions (a world of a million
 * entities is never one array), and it is checked whole before a reader sees a byte of it. A snapshot that
 * fails its checksum was damaged on disk: an error naming the file, never a silent start from less.
 */
public final class SnapshotFile {

  /** Length and checksum. */
  static final int HEADER_BYTES = 12;

  private SnapshotFile() {
  }

  /** Writes a payload to a stream. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Reads a payload, already checked whole, from a stream. */
  @FunctionalInterface
  public interface Reader {
    void read(InputStream in) throws IOException;
  }

  /** Writes {@code payload} to {@code file} atomically and durably. */
  public static void write(Path file, byte[] payload) {
    write(file, out -> out.write(payload));
  }

  /**
   * Writes what {@code body} writes to {@code file} atomically and durably.
   *
   * @throws UncheckedIOException when it cannot be written
   */
  public static void write(Path file, Body body) {
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = folder.resolve(file.getFileName() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        channel.position(HEADER_BYTES);
        Counted counted = new Counted(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        body.write(counted);
        counted.flush();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putLong(counted.bytes).putInt((int) counted.crc.getValue());
        header.flip();
        channel.position(0);
        while (header.hasRemaining()) {
          channel.write(header);
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
   * @throws LogCorruptedException when the file is not one whole snapshot
   * @throws UncheckedIOException when it cannot be read
   */
  public static byte[] read(Path file) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    read(file, in -> in.transferTo(payload));
    return payload.toByteArray();
  }

  /**
   * Checks {@code file} whole (length and checksum), then hands its payload to {@code reader}.
   *
   * @throws LogCorruptedException when the file is not one whole snapshot
   * @throws UncheckedIOException when it cannot be read
   */
  public static void read(Path file, Reader reader) {
    try {
      long size = Files.size(file);
      if (size < HEADER_BYTES) {
        throw LogCorruptedException.snapshot(file, "a snapshot shorter than its header");
      }
      long length;
      int checksum;
      try (InputStream in = Files.newInputStream(file)) {
        ByteBuffer header = ByteBuffer.wrap(in.readNBytes(HEADER_BYTES));
        length = header.getLong();
        checksum = header.getInt();
        if (length != size - HEADER_BYTES) {
          throw LogCorruptedException.snapshot(file, "a snapshot of " + length + " bytes in a file of " + size);
        }
        CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(in, 1 << 16), new CRC32C());
        checked.transferTo(OutputStream.nullOutputStream());
        if ((int) checked.getChecksum().getValue() != checksum) {
          throw LogCorruptedException.snapshot(file, "a snapshot whose checksum does not match");
        }
      }
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        in.skipNBytes(HEADER_BYTES);
        reader.read(in);
      }
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

  /** Counts and checksums what passes through, for the header written last. */
  private static final class Counted extends FilterOutputStream {
    private final CRC32C crc = new CRC32C();
    private long bytes;

    Counted(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
      bytes += len;
    }

    @Override
    public void close() {
      // the channel is closed by its owner, after the header is written
    }
  }
}
