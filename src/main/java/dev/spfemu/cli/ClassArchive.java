package dev.spfemu.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The class-data archive of the server JVM ({@link ServerJvm}): the classes the emulator loads, already
 * parsed and verified, mapped from one file at start instead of read from the jar (about a third of the
 * start-up). The JVM writes it itself at the end of the first run ({@code -XX:ArchiveClassesAtExit}) and maps
 * it on every later one ({@code -XX:SharedArchiveFile}). It lives in the user's cache directory, one file
 * per jar (path, size and time) and JVM build; the JVM checks it again and ignores one that does not match.
 *
 * <p>The launcher's code here and in {@link ServerJvm} joins strings with {@code concat} and {@code join}, not
 * {@code +}: the first {@code +} of a JVM spins its string-concatenation handles, tens of milliseconds of the
 * launcher's start.
 *
 * <p>A run writes to a file of its own and the launcher moves it into place when the server has exited, so
 * two emulators started at once never map a half-written archive.
 */
final class ClassArchive {

  /** Under {@code $XDG_CACHE_HOME}, or {@code ~/.cache}. */
  static final String DIRECTORY = "spf-vmm-emulator";
  /** A run's own file older than this was left by a launcher that was killed: it is removed. */
  static final Duration ABANDONED = Duration.ofHours(1);

  private final Path directory;

  ClassArchive(Path directory) {
    this.directory = directory;
  }

  /** The archive directory, created if need be; null when there is no usable one. */
  static ClassArchive inCache(Map<String, String> environment, String userHome) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : userHome == null || userHome.isBlank() ? null : Path.of(userHome, ".cache");
    if (base == null) {
      return null;
    }
    try {
      Path directory = Files.createDirectories(base.resolve(DIRECTORY));
      return Files.isWritable(directory) ? new ClassArchive(directory) : null;
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** How the server JVM for {@code jar} uses the archive: maps it if it exists, otherwise writes it. */
  Use use(Path jar, String vmVersion) {
    Path archive;
    try {
      archive = directory.resolve(name(jar.toAbsolutePath().toString(), Files.size(jar),
          Files.getLastModifiedTime(jar).toMillis(), System.getProperty("java.home", ""), vmVersion));
    } catch (IOException | SecurityException e) {
      return Use.NONE;
    }
    if (Files.isRegularFile(archive)) {
      return new Use(List.of("-XX:SharedArchiveFile=".concat(archive.toString())), null, null);
    }
    removeAbandoned(Instant.now().minus(ABANDONED));
    Path own = directory.resolve(String.join(".", archive.getFileName().toString(),
        Long.toString(ProcessHandle.current().pid()), "tmp"));
    return new Use(List.of("-XX:ArchiveClassesAtExit=".concat(own.toString())), own, archive);
  }

  /** The archive's file name for one jar and JVM. */
  static String name(String jarPath, long size, long modifiedMillis, String javaHome, String vmVersion) {
    CRC32 crc = new CRC32();
    crc.update(String.join("\n", jarPath, javaHome, vmVersion).getBytes(StandardCharsets.UTF_8));
    return String.join("-", "classes", Long.toHexString(crc.getValue()), Long.toHexString(size),
        Long.toHexString(modifiedMillis)).concat(".jsa");
  }

  private void removeAbandoned(Instant before) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "classes-*.tmp")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).compareTo(FileTime.from(before)) < 0) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | SecurityException e) {
      // the cache is a convenience: a file that cannot be removed now may be next time
    }
  }

  /**
   * What one server JVM does with the archive.
   *
   * @param options the JVM options
   * @param written the file this run writes at its end, or null
   * @param target where that file goes once the server has exited
   */
  record Use(List<String> options, Path written, Path target) {

    static final Use NONE = new Use(List.of(), null, null);

    /**
     * Moves the archive this run wrote into place once the server has exited with {@code exitCode}; removes
     * it instead when the server did not stop cleanly (it failed to start, so the archive holds little, or
     * it was killed, perhaps while writing) or wrote nothing.
     */
    void keep(int exitCode) {
      if (written == null) {
        return;
      }
      try {
        if (exitCode == 0 && Files.isRegularFile(written) && Files.size(written) > 0) {
          Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.deleteIfExists(written);
        }
      } catch (IOException | SecurityException e) {
        try {
          Files.deleteIfExists(written);
        } catch (IOException | SecurityException ignored) {
          // as above: a convenience
        }
      }
    }
  }
}
