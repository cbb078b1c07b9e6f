package dev.spfemu.admin;

import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** What the admin HTTP API ({@code /_emulator/}) can do to an emulator; the Java API offers the same. */
public interface Admin {

  /** Back to the starting world; journal and faults emptied. */
  void reset();

  /** Writes the whole state as a world file (docs/scenario.md). */
  void exportState(OutputStream out) throws IOException;

  /**
   * Replaces the whole state with a world file.
   *
   * @throws IllegalArgumentException when the file is not a valid world (nothing is kept then but
   *     what loaded before the error)
   */
  void importState(InputStream in, String source) throws IOException;

  List<RecordedRequest> requests();

  void clearRequests();
}
