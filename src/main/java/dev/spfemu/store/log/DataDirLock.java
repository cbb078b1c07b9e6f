package dev.spfemu.store.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a data directory to one emulator: an operating-system lock on {@code DIR/lock}, held while the
 * emulator runs and released by the operating system when its process ends, even by {@code kill -9}, so a
 * stale lock file never blocks a restart. The file holds the owner's process id, for the error message.
 */
public final class DataDirLock implements AutoCloseable {

  /** The lock file's name in the data directory. */
  public static final String FILE_NAME = "lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code dir} if needed and locks it.
   *
   * @throws DataDirInUseException when another emulator (in this or another process) holds it
   * @throws UncheckedIOException when the directory or lock file cannot be created
   */
  public static DataDirLock acquire(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another emulator in this JVM
      }
      if (lock == null) {
        String owner = owner(channel);
        channel.close();
        throw new DataDirInUseException(dir, owner);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot lock the data directory " + dir + " (" + e.getMessage()
          + "). Give --data-dir a directory the emulator may create and write to.", e);
    }
  }

  private static String owner(FileChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(32);
    channel.read(bytes, 0);
    return new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing with a better message
      }
    }
  }

  /** Releases the lock (the file stays: deleting it would race a starting emulator). */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot release the data directory lock: " + e.getMessage(), e);
    }
  }

  /** The directory is locked by another running emulator. */
  public static final class DataDirInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DataDirInUseException(Path dir, String owner) {
      super("The data directory " + dir + " is in use by another running emulator"
          + (owner.isEmpty() ? "" : " (process " + owner + ")") + ". Stop that emulator first, or give this one"
          + " another --data-dir.");
    }
  }
}
