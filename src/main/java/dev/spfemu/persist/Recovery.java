package dev.spfemu.persist;

import dev.spfemu.store.log.LogReader;
import dev.spfemu.store.log.SnapshotFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a kept world back into the stores: the newest snapshot, then every log of its generation or later,
 * in order. A torn last record is dropped with a warning (it was never acknowledged); damage in the middle
 * of a log stops the start, naming the file and offset, unless asked to cut the log there.
 */
final class Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private final DataFiles files;
  private final ChangeCodec codec;
  private final boolean truncateCorrupt;

  /** What was replayed, and where logging goes on. */
  record Outcome(Replay replay, long snapshot, long generation, long validBytes) {
  }

  Recovery(DataFiles files, ChangeCodec codec, boolean truncateCorrupt) {
    this.files = files;
    this.codec = codec;
    this.truncateCorrupt = truncateCorrupt;
  }

  /**
   * Replays generation {@code snapshot}'s snapshot and the logs after it.
   *
   * @throws dev.spfemu.store.log.LogCorruptedException when a file is damaged
   */
  Outcome replay(long snapshot) {
    Replay replay = new Replay();
    SnapshotFile.read(files.snapshot(snapshot), in -> codec.read(in, replay.snapshot(true)));
    replay.snapshot(false);
    long last = snapshot;
    long validBytes = 0;
    List<Long> logs = files.logs().stream().filter(log -> log >= snapshot).toList(); // older: in the snapshot
    for (int i = 0; i < logs.size(); i++) {
      long log = logs.get(i);
      LogReader.Outcome outcome = LogReader.read(files.changes(log), truncateCorrupt, record -> {
        try {
          codec.read(new ByteArrayInputStream(record), replay);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      last = log;
      validBytes = outcome.validBytes();
      if (outcome.warning() != null) {
        LOG.warn("Torn or damaged end of the change log dropped: {}", outcome.warning());
        if (i < logs.size() - 1) {
          // the later logs' changes came after what was cut: applied without it they would make a world
          // that never was, so they are set aside (renamed), and logging goes on after the cut
          for (long later : logs.subList(i + 1, logs.size())) {
            LOG.warn("The later change log {} was set aside as {}: its changes came after the damage",
                files.changes(later), files.setAside(later));
          }
          break;
        }
      }
    }
    return new Outcome(replay, snapshot, last, validBytes);
  }
}
