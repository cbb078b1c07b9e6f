package dev.spfemu.vmm.job;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The job failures a test asked for: the next N jobs of a cmdlet fail with a given error. */
final class JobFaults {

  private final Map<String, Fault> faults = new ConcurrentHashMap<>();

  /** Makes the next {@code count} jobs of {@code cmdlet} (any case) fail with this error. */
  void failNext(String cmdlet, int count, String code, String problem) {
    faults.put(cmdlet.toLowerCase(Locale.ROOT), new Fault(new AtomicInteger(count), code, problem));
  }

  /** The failure the next job of {@code cmdlet} takes, if any is left; null otherwise. */
  InjectedJobFailure take(String cmdlet) {
    if (faults.isEmpty()) {
      return null;
    }
    Fault fault = faults.get(cmdlet.toLowerCase(Locale.ROOT));
    return fault != null && fault.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n) > 0
        ? new InjectedJobFailure(fault.code(), fault.problem()) : null;
  }

  void clear() {
    faults.clear();
  }

  private record Fault(AtomicInteger remaining, String code, String problem) {
  }

  /** A job failure a test asked for; it fails the job instead of its operation. */
  static final class InjectedJobFailure extends RuntimeException {
    private final String code;
    private final String problem;

    InjectedJobFailure(String code, String problem) {
      super(problem, null, false, false);
      this.code = code;
      this.problem = problem;
    }

    String code() {
      return code;
    }

    String problem() {
      return problem;
    }
  }
}
