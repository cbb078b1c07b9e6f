package dev.spfemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class grows past {@value #MAX_LINES} lines: a class that does is doing more than one job
 * (docs/architecture.md). Reads the sources Maven compiles, so it runs from the project folder.
 */
class SourceSizeTest {

  private static final int MAX_LINES = 300;
  private static final Path SOURCES = Path.of("src", "main", "java");

  @Test
  void noMainClassIsOverThreeHundredLines() throws IOException {
    assertTrue(Files.isDirectory(SOURCES), "run from the project folder: " + SOURCES.toAbsolutePath());
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      tooLong = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> lines(f) > MAX_LINES)
          .map(f -> f + " (" + lines(f) + " lines)")
          .sorted()
          .toList();
    }
    assertEquals(List.of(), tooLong, "split these classes by concern");
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
