package dev.spfemu.store.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Appends records to a log and makes them durable with group commit: {@link #append} returns only once
 * its record is on disk (fsync). One thread of the writer's own does all the file's I/O: it takes every
 * record waiting, writes them in one go and fsyncs once for all of them, so concurrent writers share
 * fsyncs instead of queuing one each. Only that thread touches the file because an interrupted thread
 * closes a {@link FileChannel} it is writing to: a request or job thread interrupted at the wrong moment
 * (a stop, a released fault delay) must not take the log down with it.
 */
public final class LogWriter implements AutoCloseable {

  /** Tells the writer's thread to stop once everything before it is written. */
  private static final Pending STOP = new Pending(null, null);

  private final Path file;
  private final FileChannel channel;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  /** Guards {@link #closed} and adding to the queue, so nothing is queued after {@link #STOP}. */
  private final Object queueLock = new Object();
  private final Thread thread;
  private boolean closed;
  /** The end of what was written; the writer's thread's alone. */
  private long written;
  private volatile long durable;
  private volatile long syncs;
  /** Set by a failed write or fsync: after one, what is on disk is unknown, so nothing more is acknowledged. */
  private volatile IOException failure;

  private record Pending(ByteBuffer frame, CompletableFuture<Void> done) {
  }

  private LogWriter(Path file, FileChannel channel, long end) {
    this.file = file;
    this.channel = channel;
    this.written = end;
    this.durable = end;
    this.thread = new Thread(this::run, "spf-emulator-log-writer");
    thread.setDaemon(true);
    thread.start();
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
   * Writes {@code payload} as one record and waits (not interruptibly) until it is on disk.
   *
   * @throws UncheckedIOException when it cannot be written or synced: the change is then not durable and
   *     must not be acknowledged; after one failure every later append fails too (an fsync that failed once
   *     may have lost pages the next one would not report)
   */
  public void append(byte[] payload) {
    await(enqueue(payload));
  }

  /**
   * Queues {@code payload} as the next record and returns at once: records are written in the order they
   * are queued, and a record is on disk only with every record queued before it. Wait for it with
   * {@link #await}.
   *
   * @throws UncheckedIOException when the log has failed or is closed
   */
  public CompletableFuture<Void> enqueue(byte[] payload) {
    Pending pending = new Pending(LogRecords.frame(payload), new CompletableFuture<>());
    if (failure != null) {
      throw failed(new IOException("an earlier write or fsync failed (" + failure.getMessage() + "); restart the"
          + " emulator to recover from what is on disk", failure));
    }
    synchronized (queueLock) {
      if (closed) {
        IOException gone = new IOException("the log is closed");
        failure = gone;
        throw failed(gone);
      }
      queue.add(pending);
    }
    return pending.done();
  }

  /**
   * Waits (not interruptibly) until a queued record is on disk.
   *
   * @throws UncheckedIOException when it could not be written or synced
   */
  public void await(CompletableFuture<Void> queued) {
    try {
      queued.join();
    } catch (CompletionException e) {
      throw failed(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
    }
  }

  private UncheckedIOException failed(IOException e) {
    return new UncheckedIOException("Cannot write the change log " + file + ": " + e.getMessage(), e);
  }

  /** The writer's thread: every record waiting, written in one go, then one fsync for all of them. */
  private void run() {
    List<Pending> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // nobody but close() stops this thread, and it does so with STOP
      }
      queue.drainTo(batch);
      stop = batch.remove(STOP);
      try {
        if (failure != null) {
          throw new IOException("an earlier write or fsync failed (" + failure.getMessage() + ")", failure);
        }
        writeAndSync(batch);
        batch.forEach(pending -> pending.done().complete(null));
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        batch.forEach(pending -> pending.done().completeExceptionally(e));
      }
      batch.clear();
    }
  }

  private void writeAndSync(List<Pending> batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    ByteBuffer[] frames = new ByteBuffer[batch.size()];
    long end = written;
    for (int i = 0; i < frames.length; i++) {
      frames[i] = batch.get(i).frame();
      end += frames[i].remaining();
    }
    channel.position(written);
    while (channel.position() < end) {
      channel.write(frames);
    }
    written = end;
    channel.force(false);
    syncs++;
    durable = end;
  }

  /** The bytes known to be on disk. */
  public long durableBytes() {
    return durable;
  }

  /** How many fsyncs were made (fewer than records under concurrent appends: the point of group commit). */
  public long syncs() {
    return syncs;
  }

  /** Writes what is queued, stops the writer's thread and closes the file. */
  @Override
  public void close() {
    synchronized (queueLock) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // the file is closed only once the thread is done with it
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the change log " + file + ": " + e.getMessage(), e);
    }
  }
}
