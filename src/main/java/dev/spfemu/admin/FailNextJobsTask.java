package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code POST /_emulator/job-faults} with {@code {"cmdlet": "New-SCVMCheckpoint", "count": 1,
 * "code": "...", "problem": "..."}}: the next jobs of that cmdlet fail as VMM jobs fail (the request
 * is accepted, the job ends Failed), which a fault rule on the HTTP request cannot imitate.
 */
final class FailNextJobsTask extends JsonBodyTask {

  private final Admin admin;

  FailNextJobsTask(Admin admin, Supplier<ObjectMapper> mapper) {
    super(mapper);
    this.admin = admin;
  }

  @Override
  void apply(JsonNode body, AdminResponse response) throws IOException {
    if (!body.hasNonNull("cmdlet")) {
      throw new IllegalArgumentException("send {\"cmdlet\":\"New-SCVMCheckpoint\",\"count\":1,"
          + "\"code\":\"…\",\"problem\":\"…\"}");
    }
    admin.failNextJobs(body.get("cmdlet").asText(), body.path("count").asInt(1),
        body.path("code").asText("InjectedFailure"), body.path("problem").asText("A failure injected into the job."));
    answerNow(admin, response);
  }
}
