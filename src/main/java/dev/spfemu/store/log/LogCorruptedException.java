package dev.spfemu.store.log;

import java.nio.file.Path;

/**
 * A record of a log failed its checksum (or had an impossible length) with more of the log after it:
 * not a crash mid-write, which only ever tears the last record, but damage. Start-up stops here rather
 * than silently lose the acknowledged changes after it.
 */
public final class LogCorruptedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  public LogCorruptedException(Path file, long offset, String what) {
    this(file, offset, "The change log " + file + " is damaged at byte offset " + offset + " (" + what
        + ") and has more records after it, so this is not a crash mid-write. Restore the data directory from a"
        + " backup, or start with --data-dir-truncate-corrupt to keep only the changes before offset " + offset
        + " (the later ones are lost).", null);
  }

  /** {@code unused} only tells this constructor from the public one. */
  private LogCorruptedException(Path file, long offset, String message, Void unused) {
    super(message);
    this.file = file;
    this.offset = offset;
  }

  /** A snapshot file is damaged: it was renamed into place whole, so this is damage on disk, not a crash. */
  static LogCorruptedException snapshot(Path file, String what) {
    return new LogCorruptedException(file, 0, "The snapshot " + file + " is damaged (" + what + "). Restore the"
        + " data directory from a backup.", null);
  }

  public Path file() {
    return file;
  }

  /** Where the damaged record starts: what {@code --data-dir-truncate-corrupt} cuts the log at. */
  public long offset() {
    return offset;
  }
}
