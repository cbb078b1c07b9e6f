package dev.spfemu.admin;

import static dev.spfemu.admin.AdminCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tasks against a fake {@link Admin}: what each one asks of the emulator and how it answers. */
class AdminTasksTest {

  private final FakeAdmin admin = new FakeAdmin();
  private final ObjectMapper json = new ObjectMapper();
  private final Supplier<ObjectMapper> mapper = () -> json;

  private static AdminCalls.Response run(AdminTask task, AdminCalls.Request request) throws IOException {
    AdminCalls.Response response = new AdminCalls.Response();
    task.handle(request, response);
    return response;
  }

  @Test
  void resetNarrowsToOneSubscriptionAndRefusesABadOne() throws IOException {
    String subscription = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
    AdminCalls.Response done = run(new ResetTask(admin), request("POST", "/reset")
        .withParameter("subscription", subscription));
    assertEquals(204, done.status);
    assertFalse(done.json, "a 204 has no body");
    assertEquals(List.of("reset " + subscription), admin.calls);

    AdminCalls.Response refused = run(new ResetTask(admin), request("POST", "/reset").withParameter("subscription",
        "nope"));
    assertEquals(400, refused.status);
    assertEquals("'nope' is not a GUID", refused.tree().get("error").asText());
  }

  @Test
  void theClockIsFixedOrOffsetAndAnswersTheTime() throws IOException {
    AdminCalls.Response fixed = run(new SetClockTask(admin, mapper),
        request("PUT", "/clock", "{\"fixed\":\"2030-01-01T00:00:00Z\"}"));
    assertEquals(200, fixed.status);
    assertEquals("{\"now\":\"2030-01-01T00:00:00Z\"}", fixed.text());
    run(new SetClockTask(admin, mapper), request("PUT", "/clock", "{\"offsetSeconds\":60}"));
    assertEquals(List.of("fix 2030-01-01T00:00:00Z", "offset PT1M"), admin.calls);

    AdminCalls.Response refused = run(new SetClockTask(admin, mapper), request("PUT", "/clock", "{\"when\":1}"));
    assertEquals(400, refused.status);
    assertEquals("send {\"fixed\":\"2026-11-28T07:14:21Z\"} or {\"offsetSeconds\":3600}",
        refused.tree().get("error").asText());
    assertEquals(400, run(new AdvanceClockTask(admin, mapper), request("POST", "/clock/advance", "not json")).status);
  }

  @Test
  void jobFaultsTakeTheirDefaults() throws IOException {
    AdminCalls.Response response = run(new FailNextJobsTask(admin, mapper),
        request("POST", "/job-faults", "{\"cmdlet\":\"New-SCVMCheckpoint\"}"));
    assertEquals(200, response.status);
    assertEquals(admin.now.toString(), response.tree().get("now").asText());
    assertEquals(List.of("fail New-SCVMCheckpoint 1 InjectedFailure A failure injected into the job."), admin.calls);
  }

  @Test
  void aFaultRuleIsAddedOrRefusedWithTheFieldAtFault() throws IOException {
    assertEquals(201, run(new AddFaultTask(admin, mapper), request("POST", "/faults", "{\"status\":503}")).status);
    assertEquals(503, admin.faults.get(0).status());
    AdminCalls.Response refused = run(new AddFaultTask(admin, mapper),
        request("POST", "/faults", "{\"entityset\":\"Jobs\"}"));
    assertEquals(400, refused.status);
    assertTrue(refused.tree().get("error").asText().startsWith("unknown field 'entityset'"));
  }

  @Test
  void theJournalIsFilteredAndWrittenFieldForField() throws IOException {
    Instant at = Instant.parse("2026-11-28T07:14:21Z");
    admin.requests.add(new RecordedRequest("POST", "http://h/s/VMCheckPoints", Map.of("Accept", List.of("a", "b")),
        "{}", 201, "ae122d5f-3aab-4d75-ad48-d6593246a49e", "VMCheckPoints", at));
    admin.requests.add(new RecordedRequest("GET", "http://h/nowhere", Map.of(), "", 404, null, null, at));

    JsonNode posts = run(new GetRequestsTask(admin), request("GET", "/requests").withParameter("method", "post")
        .withParameter("subscription", "AE122D5F-3AAB-4D75-AD48-D6593246A49E")).tree();
    assertEquals(1, posts.size());
    assertEquals(json.readTree("{\"method\":\"POST\",\"url\":\"http://h/s/VMCheckPoints\",\"headers\":{\"Accept\":"
        + "\"a, b\"},\"body\":\"{}\",\"status\":201,\"subscription\":\"ae122d5f-3aab-4d75-ad48-d6593246a49e\","
        + "\"entitySet\":\"VMCheckPoints\",\"time\":\"2026-11-28T07:14:21Z\"}"), posts.get(0));

    JsonNode lost = run(new GetRequestsTask(admin), request("GET", "/requests")).tree();
    assertEquals(2, lost.size());
    assertTrue(lost.get(1).get("entitySet").isNull());
  }

  @Test
  void anInvalidStateIsA400() throws IOException {
    assertEquals(204, run(new PutStateTask(admin), request("PUT", "/state", "{}")).status);
    AdminCalls.Response refused = run(new PutStateTask(admin), request("PUT", "/state", "[]"));
    assertEquals(400, refused.status);
    assertEquals("the imported state is not a world", refused.tree().get("error").asText());
  }
}
