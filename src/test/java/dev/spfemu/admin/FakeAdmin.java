package dev.spfemu.admin;

import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import dev.spfemu.journal.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link Admin} that notes what it is asked to do, so tasks are tested without an emulator. */
final class FakeAdmin implements Admin {

  final List<String> calls = new ArrayList<>();
  final List<RecordedRequest> requests = new ArrayList<>();
  final List<FaultRule> faults = new ArrayList<>();
  Instant now = Instant.parse("2026-11-28T07:14:21Z");

  @Override
  public void reset() {
    calls.add("reset");
  }

  @Override
  public void reset(String subscriptionId) {
    if (!subscriptionId.contains("-")) {
      throw new IllegalArgumentException("'" + subscriptionId + "' is not a GUID");
    }
    calls.add("reset " + subscriptionId);
  }

  @Override
  public void writeOverview(OutputStream out) throws IOException {
    calls.add("overview");
    out.write("{\"subscriptions\":[]}".getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void exportState(OutputStream out) throws IOException {
    calls.add("export");
    out.write("{\"subscriptions\":[]}".getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void importState(InputStream in, String source) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (!text.startsWith("{")) {
      throw new IllegalArgumentException(source + " is not a world");
    }
    calls.add("import " + text);
  }

  @Override
  public List<RecordedRequest> requests() {
    return requests;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void fixClock(Instant instant) {
    calls.add("fix " + instant);
    now = instant;
  }

  @Override
  public void advanceClock(Duration duration) {
    calls.add("advance " + duration);
    now = now.plus(duration);
  }

  @Override
  public void offsetClock(Duration offset) {
    calls.add("offset " + offset);
  }

  @Override
  public void failNextJobs(String cmdlet, int count, String code, String problem) {
    calls.add("fail " + cmdlet + " " + count + " " + code + " " + problem);
  }

  @Override
  public void clearRequests() {
    calls.add("clearRequests");
  }

  @Override
  public String addFault(FaultRule rule) {
    faults.add(rule);
    return Integer.toString(faults.size());
  }

  @Override
  public List<FaultRules.Listed> faults() {
    List<FaultRules.Listed> listed = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      if (faults.get(i) != null) {
        listed.add(new FaultRules.Listed(Integer.toString(i + 1), faults.get(i)));
      }
    }
    return listed;
  }

  @Override
  public boolean removeFault(String id) {
    calls.add("removeFault " + id);
    int index = Integer.parseInt(id) - 1;
    if (index < 0 || index >= faults.size() || faults.get(index) == null) {
      return false;
    }
    faults.set(index, null);
    return true;
  }

  @Override
  public void clearFaults() {
    calls.add("clearFaults");
  }
}
