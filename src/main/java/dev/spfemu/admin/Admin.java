package dev.spfemu.admin;

import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the admin HTTP API ({@code /_emulator/}) can do to an emulator; the Java API offers the same. */
public interface Admin {

  /** Back to the starting world; journal and faults emptied. */
  void reset();

  /** Back to the starting world for one subscription; nothing else changes. */
  void reset(String subscriptionId);

  /** Writes the whole state as a world file (docs/scenario.md). */
  void exportState(OutputStream out) throws IOException;

  /**
   * Writes what the live page shows (docs/demo.md): per subscription its clouds, quotas, templates,
   * VMs with their adapters and checkpoints, and newest jobs, each list cut to a size a page can show.
   */
  void writeOverview(OutputStream out) throws IOException;

  /**
   * Replaces the whole state with a world file.
   *
   * @throws IllegalArgumentException when the file is not a valid world (nothing is kept then but
   *     what loaded before the error)
   */
  void importState(InputStream in, String source) throws IOException;

  List<RecordedRequest> requests();

  /** The emulator's current time. */
  Instant now();

  /** Stops the emulator's clock at {@code instant}. */
  void fixClock(Instant instant);

  /** Moves the emulator's clock by {@code duration}. */
  void advanceClock(Duration duration);

  /** Lets the emulator's clock run with the system's, shifted by {@code offset}. */
  void offsetClock(Duration offset);

  /**
   * Makes the next {@code count} VMM jobs run by {@code cmdlet} (such as {@code New-SCVMCheckpoint})
   * fail with this error, their operation not applied.
   */
  void failNextJobs(String cmdlet, int count, String code, String problem);

  void clearRequests();

  /**
   * Adds a fault rule after those already there.
   *
   * @return the rule's ID, which {@link #faults()} lists and {@link #removeFault} takes
   * @throws IllegalArgumentException when its delay is longer than the emulator's limit
   */
  String addFault(FaultRule rule);

  /** The fault rules with their IDs, in the order they are tried. */
  List<FaultRules.Listed> faults();

  /**
   * Removes one fault rule; requests waiting in its delay go on at once.
   *
   * @return whether there was a rule with this ID
   */
  boolean removeFault(String id);

  /** Removes every fault rule; requests waiting in their delays go on at once. */
  void clearFaults();
}
