package dev.spfemu.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a data directory: {@code snapshot-N.bin} (the whole state when generation N began) and
 * {@code changes-N.log} (every unit of work since), N counting up from 1. A start reads the newest snapshot
 * and every log of its generation or later (a crash between opening a new log and writing its snapshot
 * leaves two).
 */
final class DataFiles {

  private static final Pattern NAME = Pattern.compile("(snapshot|changes)-(\\d{8})\\.(bin|log)");

  private final Path dir;

  DataFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path snapshot(long generation) {
    return dir.resolve(String.format("snapshot-%08d.bin", generation));
  }

  Path changes(long generation) {
    return dir.resolve(String.format("changes-%08d.log", generation));
  }

  /** The size of {@code file}, or 0 if it cannot be read. */
  long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The generation of the newest snapshot, or 0 if there is none. */
  long newestSnapshot() {
    return generations("snapshot").stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** The generations of the change logs, oldest first. */
  List<Long> logs() {
    return generations("changes").stream().sorted().toList();
  }

  /** Renames generation {@code generation}'s log so no start reads it again; returns its new name. */
  Path setAside(long generation) {
    Path log = changes(generation);
    Path aside = log.resolveSibling(log.getFileName() + ".set-aside");
    try {
      Files.move(log, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return aside;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set the change log " + log + " aside: " + e.getMessage(), e);
    }
  }

  /** Deletes the snapshots and logs of generations before {@code generation}, and unfinished snapshots. */
  void deleteBefore(long generation) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        Matcher matcher = NAME.matcher(name);
        if (name.endsWith(".bin.tmp") || matcher.matches() && Long.parseLong(matcher.group(2)) < generation) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot tidy the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private List<Long> generations(String kind) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> NAME.matcher(file.getFileName().toString()))
          .filter(matcher -> matcher.matches() && matcher.group(1).equals(kind))
          .map(matcher -> Long.parseLong(matcher.group(2))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the data directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
