package dev.spfemu.persist;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.log.LogWriter;
import dev.spfemu.store.log.SnapshotFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generations of a data directory: generation N is {@code snapshot-N.bin}, the state when it began,
 * plus {@code changes-N.log}, the units logged since. Starting a generation opens its log first and writes
 * its snapshot after; only once the snapshot is on disk are the older generations deleted, so a crash at
 * any point leaves a snapshot and every log needed after it.
 */
final class Generations implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Generations.class);

  private final DataFiles files;
  private final ChangeCodec codec;
  private volatile LogWriter writer;
  private volatile long generation;
  private volatile long snapshotBytes;

  /** One entity set of one subscription of one service, as it was (records are immutable: references). */
  record Part(KeptService service, String subscription, String entitySet, List<EntityRecord> records) {
  }

  Generations(DataFiles files, ChangeCodec codec) {
    this.files = files;
    this.codec = codec;
  }

  /** Goes on writing generation {@code generation}'s log after its first {@code validBytes} (a torn tail cut). */
  void continueWith(long generation, long validBytes, long snapshotBytes) {
    this.writer = LogWriter.open(files.changes(generation), validBytes);
    this.generation = generation;
    this.snapshotBytes = snapshotBytes;
  }

  /** The size of the newest snapshot written or read. */
  long snapshotBytes() {
    return snapshotBytes;
  }

  /**
   * Queues a record on the current log (records reach the disk in the order they are queued).
   *
   * @throws ServiceException 503 when the log has failed
   */
  CompletableFuture<Void> enqueue(byte[] record) {
    try {
      return writer.enqueue(record);
    } catch (RuntimeException e) {
      throw notKept(e);
    }
  }

  /**
   * Waits until a queued record is on disk.
   *
   * @throws ServiceException 503 when it could not be written
   */
  void await(CompletableFuture<Void> queued) {
    try {
      writer.await(queued);
    } catch (RuntimeException e) {
      throw notKept(e);
    }
  }

  private ServiceException notKept(RuntimeException e) {
    LOG.error("The change log in {} cannot be written: changes are no longer kept", files.dir(), e);
    return new ServiceException(503, "DataDirectoryFailed", "The change could not be written to the data directory "
        + files.dir() + " (" + e.getMessage() + "), so it is not kept; no later change will be either. Fix the"
        + " disk and restart the emulator: it goes on from the last change written.");
  }

  /** How large the current log is. */
  long logBytes() {
    return writer == null ? 0 : writer.durableBytes();
  }

  /** Every entity of {@code services}, as lists of references; the caller makes sure nothing is half-changed. */
  static List<Part> copy(Collection<KeptService> services) {
    List<Part> parts = new ArrayList<>();
    for (KeptService service : services) {
      for (String subscription : service.store().subscriptions()) {
        for (EntityTypeModel type : service.model().entityTypes()) {
          List<EntityRecord> records = service.store().list(subscription, type.entitySet());
          if (!records.isEmpty()) {
            parts.add(new Part(service, subscription, type.entitySet(), records));
          }
        }
      }
    }
    return parts;
  }

  /** Begins the next generation's log (the units after this go there) and returns its number. */
  long next() {
    long next = generation + 1;
    LogWriter old = writer;
    writer = LogWriter.open(files.changes(next), 0);
    generation = next;
    if (old != null) {
      old.close();
    }
    return next;
  }

  /** Writes generation {@code generation}'s snapshot, then deletes the generations before it. */
  void writeSnapshot(long generation, Map<String, Object> header, List<Part> parts) {
    SnapshotFile.write(files.snapshot(generation), out -> {
      codec.writeHeader(out, header);
      for (Part part : parts) {
        for (EntityRecord record : part.records()) {
          codec.writeChange(out, new Change(part.service(), part.subscription(), part.entitySet(), record.key(),
              record, 0));
        }
      }
    });
    snapshotBytes = files.size(files.snapshot(generation));
    files.deleteBefore(generation);
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
