package dev.spfemu.vmm.job;

/**
 * Why a job's operation failed, thrown by the operation when it completes (an address pool that is
 * full): the job's {@code ErrorInfo} carries this code and problem, as VMM reports a failed cmdlet,
 * instead of the generic "target changed".
 */
public final class JobFailure extends RuntimeException {

  private final String code;

  public JobFailure(String code, String problem) {
    super(problem, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String problem() {
    return getMessage();
  }
}
