package dev.spfemu.server;

import java.security.SecureRandom;
import java.util.List;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.MimeTypes;

/**
 * First-time work the server will need, done on the machine's other core while the start-up thread loads
 * the model and the world. Each step is a JVM or Jetty subsystem that initialises itself once per JVM, on
 * first use, and that the start-up thread would otherwise reach only after the world is loaded, one after
 * the other: Jetty's MIME types list the JVM's locales (a fifth of a second here), the authentication's
 * random source starts the security providers, and the first {@code Date} header reads the calendar data.
 *
 * <p>The steps keep nothing of their own and cannot change what the server does: they only initialise what
 * the JVM keeps once per JVM anyway (a class initialises once, whichever thread comes first, and the other
 * waits for it), so two emulators in one JVM are unaffected. Olingo's message cache is not here: it is not
 * safe to fill from two threads ({@code OlingoUriParser}). A step that fails costs nothing but its own
 * time: the start-up thread meets the same work later and reports any real problem, as before.
 */
public final class WarmUp {

  static final List<Runnable> STEPS = List.of(
      () -> MimeTypes.getBaseType("application/json"),
      () -> new SecureRandom().nextLong(),
      () -> DateGenerator.formatDate(System.currentTimeMillis()));

  private WarmUp() {
  }

  /** Starts the warm-up on a daemon thread and returns that thread. */
  public static Thread startInBackground() {
    Thread thread = new Thread(() -> run(STEPS), "spf-emulator-warm-up");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Runs every step in turn; one that fails does not stop the others. */
  static void run(List<Runnable> steps) {
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException | LinkageError e) {
        // the start-up thread meets the same work later and deals with it there
      }
    }
  }
}
