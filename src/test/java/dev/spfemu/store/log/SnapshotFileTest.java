package dev.spfemu.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("snapshot-1");
  }

  @Test
  void aSnapshotIsReadBackAndReplacedWhole() {
    SnapshotFile.write(file(), "first".getBytes(StandardCharsets.UTF_8));
    SnapshotFile.write(file(), "second, longer".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(SnapshotFile.read(file()), StandardCharsets.UTF_8)).isEqualTo("second, longer");
    assertThat(dir.resolve("snapshot-1.tmp")).doesNotExist();
  }

  @Test
  void aDamagedSnapshotIsAnErrorNamingTheFile() throws Exception {
    SnapshotFile.write(file(), "state".getBytes(StandardCharsets.UTF_8));
    try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
      raw.seek(SnapshotFile.HEADER_BYTES + 1);
      raw.write('X');
    }
    assertThatThrownBy(() -> SnapshotFile.read(file())).isInstanceOf(LogCorruptedException.class)
        .hasMessageContaining("The snapshot " + file()).hasMessageContaining("checksum")
        .hasMessageContaining("Restore the data directory");
  }

  @Test
  void aSnapshotCutShortIsAnError() throws Exception {
    SnapshotFile.write(file(), "state".getBytes(StandardCharsets.UTF_8));
    try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
      raw.setLength(raw.length() - 1);
    }
    assertThatThrownBy(() -> SnapshotFile.read(file())).isInstanceOf(LogCorruptedException.class)
        .hasMessageContaining("a snapshot of 5 bytes");
    Files.write(file(), new byte[3]);
    assertThatThrownBy(() -> SnapshotFile.read(file())).isInstanceOf(LogCorruptedException.class)
        .hasMessageContaining("shorter than its header");
  }

  @Test
  void aFolderThatIsAFileIsAClearError() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "");
    assertThatThrownBy(() -> SnapshotFile.write(notAFolder.resolve("snapshot-1"), new byte[] {1}))
        .hasMessageContaining("Cannot write the snapshot");
  }
}
