package dev.spfemu.store.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to a log and makes them durable with group commit: {@link #append} returns only once
 * its record is on disk (fsync), and one fsync covers every record written before it began, so
 * concurrent writers waiting on the same fsync share it instead of queuing one fsync each.
 */
public final class LogWriter implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  /** Guards {@link #written}: records are written whole, one after the other. */
  private final Object writeLock = new Object();
  /** Guards {@link #durable}: one fsync at a time. */
  private final Object syncLock = new Object();
  private long written;
  private volatile long durable;
  private long syncs;
  /** Set by a failed write or fsync: after one, what is on disk is unknown, so nothing more is acknowledged. */
  private volatile IOException failure;

  private LogWriter(Path file, FileChannel channel, long end) {
    this.file = file;
    this.channel = channel;
    this.written = end;
    this.durable = end;
  }

  /**
   * Opens {@code file} for appending after its first {@code validBytes} (what {@link LogReader} found
   * good): anything after them, a torn tail, is cut off first. Creates the file if missing.
   *
   * @throws UncheckedIOException when the file cannot be opened or truncated
   */
  public static LogWriter open(Path file, long validBytes) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        if (channel.size() > validBytes) {
          channel.truncate(validBytes);
          channel.force(true);
        }
        return new LogWriter(file, channel, channel.size());
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the change log " + file + " for writing: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code payload} as one record and waits until it is on disk.
   *
   * @throws UncheckedIOException when it cannot be written or synced: the change is then not durable and
   *     must not be acknowledged; after one failure every later append fails too (an fsync that failed once
   *     may have lost pages the next one would not report)
   */
  public void append(byte[] payload) {
    ByteBuffer frame = LogRecords.frame(payload);
    long end;
    try {
      if (failure != null) {
        throw new IOException("an earlier write or fsync failed (" + failure.getMessage() + "); restart the"
            + " emulator to recover from what is on disk", failure);
      }
      synchronized (writeLock) {
        long at = written;
        while (frame.hasRemaining()) {
          at += channel.write(frame, at);
        }
        written = at;
        end = at;
      }
      sync(end);
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
      throw new UncheckedIOException("Cannot write the change log " + file + ": " + e.getMessage(), e);
    }
  }

  private void sync(long end) throws IOException {
    if (durable >= end) {
      return;
    }
    synchronized (syncLock) {
      if (durable >= end) {
        return; // an fsync that began after our write covered it: group commit
      }
      if (failure != null) {
        throw new IOException("an earlier fsync failed (" + failure.getMessage() + ")", failure);
      }
      long target;
      synchronized (writeLock) {
        target = written;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        failure = e; // before another waiter takes the lock and trusts a second fsync
        throw e;
      }
      syncs++;
      durable = target;
    }
  }

  /** The bytes known to be on disk. */
  public long durableBytes() {
    return durable;
  }

  /** How many fsyncs were made (fewer than records under concurrent appends: the point of group commit). */
  public long syncs() {
    synchronized (syncLock) {
      return syncs;
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the change log " + file + ": " + e.getMessage(), e);
    }
  }
}
