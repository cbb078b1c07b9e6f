package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the server JVM's class-data archive lives, when it is written and when it is mapped. */
class ClassArchiveTest {

  @TempDir
  Path dir;

  private Path jar() throws Exception {
    return Files.write(dir.resolve("spf-vmm-emulator.jar"), new byte[] {1, 2, 3});
  }

  @Test
  void livesUnderXdgCacheHomeOrTheUsersCache() throws Exception {
    ClassArchive xdg = ClassArchive.inCache(Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString()), "/nowhere");
    assertNotNull(xdg);
    assertTrue(Files.isDirectory(dir.resolve("xdg").resolve(ClassArchive.DIRECTORY)));
    assertNotNull(ClassArchive.inCache(Map.of(), dir.resolve("home").toString()));
    assertTrue(Files.isDirectory(dir.resolve("home").resolve(".cache").resolve(ClassArchive.DIRECTORY)));
  }

  @Test
  void noHomeAndNoCacheMeansNoArchive() throws Exception {
    assertNull(ClassArchive.inCache(Map.of(), null));
    assertNull(ClassArchive.inCache(Map.of("XDG_CACHE_HOME", " "), " "));
    Path file = Files.writeString(dir.resolve("a-file"), "");
    assertNull(ClassArchive.inCache(Map.of("XDG_CACHE_HOME", file.toString()), null), "cannot be a directory");
  }

  @Test
  void theFirstRunWritesItsOwnFileAndTheLauncherMovesItIntoPlace() throws Exception {
    ClassArchive cache = ClassArchive.inCache(Map.of("XDG_CACHE_HOME", dir.toString()), null);
    Path jar = jar();
    ClassArchive.Use first = cache.use(jar, "17.0.15+6");
    assertEquals(List.of("-XX:ArchiveClassesAtExit=" + first.written()), first.options());
    assertTrue(first.written().getFileName().toString().endsWith("." + ProcessHandle.current().pid() + ".tmp"));
    Files.write(first.written(), new byte[] {42}); // what the server JVM writes at its exit
    first.keep(0);
    assertFalse(Files.exists(first.written()));
    assertTrue(Files.isRegularFile(first.target()));

    ClassArchive.Use next = cache.use(jar, "17.0.15+6");
    assertEquals(List.of("-XX:SharedArchiveFile=" + first.target()), next.options());
    next.keep(0); // maps, writes nothing: nothing to move
    assertTrue(Files.isRegularFile(first.target()));
  }

  @Test
  void aRunThatWroteNothingLeavesNothing() throws Exception {
    ClassArchive cache = ClassArchive.inCache(Map.of("XDG_CACHE_HOME", dir.toString()), null);
    ClassArchive.Use empty = cache.use(jar(), "v");
    Files.createFile(empty.written()); // a server killed while writing
    empty.keep(0);
    assertFalse(Files.exists(empty.written()));
    assertFalse(Files.exists(empty.target()));
    cache.use(jar(), "v").keep(0); // and a server that never wrote at all
    assertFalse(Files.exists(empty.target()));
  }

  @Test
  void aServerThatDidNotStopCleanlyLeavesNoArchive() throws Exception {
    ClassArchive cache = ClassArchive.inCache(Map.of("XDG_CACHE_HOME", dir.toString()), null);
    for (int code : new int[] {1, 2, 137, 143}) { // cannot start, bad command line, SIGKILL, SIGTERM unhandled
      ClassArchive.Use run = cache.use(jar(), "v");
      Files.write(run.written(), new byte[] {42});
      run.keep(code);
      assertFalse(Files.exists(run.written()), "exit " + code);
      assertFalse(Files.exists(run.target()), "exit " + code);
    }
  }

  @Test
  void filesLeftByAKilledLauncherAreRemovedOnceOld() throws Exception {
    ClassArchive cache = ClassArchive.inCache(Map.of("XDG_CACHE_HOME", dir.toString()), null);
    Path home = dir.resolve(ClassArchive.DIRECTORY);
    Path old = Files.writeString(home.resolve("classes-1-2-3.jsa.999.tmp"), "x");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(ClassArchive.ABANDONED).minusSeconds(60)));
    Path recent = Files.writeString(home.resolve("classes-1-2-3.jsa.998.tmp"), "x"); // another launcher's, running
    cache.use(jar(), "v");
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(recent));
  }

  @Test
  void eachJarAndJvmHasItsOwnArchive() {
    String name = ClassArchive.name("/a/e.jar", 10, 1000, "/jdk", "17.0.15");
    assertTrue(name.startsWith("classes-") && name.endsWith(".jsa"), name);
    assertEquals(name, ClassArchive.name("/a/e.jar", 10, 1000, "/jdk", "17.0.15"));
    for (String other : List.of(ClassArchive.name("/b/e.jar", 10, 1000, "/jdk", "17.0.15"),
        ClassArchive.name("/a/e.jar", 11, 1000, "/jdk", "17.0.15"),
        ClassArchive.name("/a/e.jar", 10, 1001, "/jdk", "17.0.15"),
        ClassArchive.name("/a/e.jar", 10, 1000, "/jdk2", "17.0.15"),
        ClassArchive.name("/a/e.jar", 10, 1000, "/jdk", "17.0.16"))) {
      assertNotEquals(name, other);
    }
  }
}
