package dev.spfemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main classes are compiled with {@code -XDstringConcat=inline} (pom.xml): a {@code +} on strings is
 * StringBuilder calls, not an {@code invokedynamic} whose first run spins method-handle classes at start-up
 * (docs/performance.md, "Start-up"). Reads the classes Maven compiled, so it runs from the project folder.
 */
class StringConcatenationTest {

  private static final Path CLASSES = Path.of("target", "classes", "dev", "spfemu");
  /** The bootstrap method javac's default strategy names in every class that concatenates. */
  private static final String INDY_CONCAT = "makeConcatWithConstants";

  @Test
  void noMainClassConcatenatesThroughInvokedynamic() throws IOException {
    assertTrue(Files.isDirectory(CLASSES), "run from the project folder after compiling: " + CLASSES.toAbsolutePath());
    List<String> indy;
    try (Stream<Path> files = Files.walk(CLASSES)) {
      indy = files.filter(f -> f.toString().endsWith(".class")).filter(StringConcatenationTest::usesIndyConcat)
          .map(Path::toString).sorted().toList();
    }
    assertEquals(List.of(), indy, "compile with -XDstringConcat=inline (maven-compiler-plugin's compilerArgs)");
  }

  private static boolean usesIndyConcat(Path classFile) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(INDY_CONCAT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
