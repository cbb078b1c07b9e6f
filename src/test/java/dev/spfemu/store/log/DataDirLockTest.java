package dev.spfemu.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

  @TempDir
  Path dir;

  @Test
  void aLockedDirectoryIsRefusedNamingTheOwner() {
    Path data = dir.resolve("data");
    try (DataDirLock first = DataDirLock.acquire(data)) {
      assertThatThrownBy(() -> DataDirLock.acquire(data))
          .isInstanceOf(DataDirLock.DataDirInUseException.class)
          .hasMessageContaining(data.toString())
          .hasMessageContaining("in use by another running emulator")
          .hasMessageContaining("process " + ProcessHandle.current().pid());
    }
  }

  @Test
  void aReleasedLockCanBeTakenAgain() throws IOException {
    DataDirLock.acquire(dir).close();
    try (DataDirLock again = DataDirLock.acquire(dir)) {
      assertThat(Files.readString(dir.resolve(DataDirLock.FILE_NAME)).trim())
          .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    }
  }

  @Test
  void aLockFileLeftByADeadProcessDoesNotBlock() throws IOException {
    Files.writeString(dir.resolve(DataDirLock.FILE_NAME), "999999\n");
    try (DataDirLock lock = DataDirLock.acquire(dir)) {
      assertThat(lock).isNotNull();
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsAClearError() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThatThrownBy(() -> DataDirLock.acquire(file.resolve("data")))
        .hasMessageContaining("Cannot lock the data directory")
        .hasMessageContaining("--data-dir");
  }
}
