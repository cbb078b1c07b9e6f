package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server JVM's watch of its launcher: the pipe's end is the launcher's. */
class LauncherWatchTest {

  @Test
  void endsWhenThePipeCloses() throws Exception {
    PipedOutputStream launcher = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(launcher);
    launcher.write("ignored".getBytes());
    Thread watch = new Thread(() -> LauncherWatch.awaitEnd(in));
    watch.start();
    launcher.close();
    watch.join(Duration.ofSeconds(30).toMillis());
    assertEquals(Thread.State.TERMINATED, watch.getState());
  }

  @Test
  void aBrokenPipeEndsItToo() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LauncherWatch.awaitEnd(broken));
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LauncherWatch.awaitEnd(new ByteArrayInputStream(new byte[3])));
  }
}
