package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CloudBees Electric Commander's WAP provisioning step (Perl/LWP, CLIENTS.md D.4) replayed end to end
 * against the demo world's seed subscription: every path joined as {@code wap_url . '/' .
 * '/{tenant}/services/systemcenter/vmm/…'}, so starting with {@code //}; {@code Accept:
 * application/json} and {@code Content-Type: application/json} on every request, GETs included; LWP's
 * {@code User-Agent}, {@code TE} and {@code Connection: TE, close}; bodies sent at once with their
 * {@code Content-Length} (no {@code Expect}). The step POSTs its fixed VM template, polls the job
 * {@code MostRecentTaskId} names by {@code Jobs(StampId=…,ID=…)} until {@code ProgressValue} is 100,
 * reads the VM's first adapter's first IPv4 address as the resource's host name, and PATCHes
 * {@code {"Operation":"Start"}}.
 */
class ElectricCommanderTest extends EmulatorHttpTest {

  private static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";
  private static final String TEMPLATE = "00000000-0000-4000-8000-000000000301";
  private static final String EXPAND = "?$expand=VirtualNetworkAdapters,VirtualDVDDrives,VirtualDiskDrives,"
      + "VirtualHardDisks";

  @BeforeEach
  void resetWorld() {
    spf.reset();
  }

  /** One LWP request on its own connection, to {@code //{tenant}/services/systemcenter/vmm/} + path. */
  private RawHttp.Reply lwp(String method, String path, String body) {
    URI target = URI.create(spf.baseUrl() + "//" + SEED_SUBSCRIPTION + "/services/systemcenter/vmm/" + path);
    return RawHttp.sendAtOnce(method, target, body, "TE: deflate,gzip;q=0.3", "Connection: TE, close",
        "User-Agent: libwww-perl/6.15", "Accept: application/json", "Content-Type: application/json");
  }

  /** The step's fixed template, for the seed subscription's cloud, template and VM network. */
  private static String template(String name) {
    return fixture("bodies/electric-commander-vm-create.json").replace("CLOUD_ID", CLOUD).replace("STAMP_ID", STAMP)
        .replace("00000000-0000-4000-8000-000000000301", TEMPLATE).replace("ec-vm-01", name)
        .replace("tenant-network", "Fabrikam Web");
  }

  private static String keysInOtherOrder(String id) {
    return "(StampId=guid'" + STAMP + "',ID=guid'" + id + "')";
  }

  /** The POST: status > 399 aborts the step; it reads MostRecentTaskId and ID. */
  private JsonNode provision(String name) {
    RawHttp.Reply reply = lwp("POST", "VirtualMachines", template(name));
    assertTrue(reply.status() <= 399, reply.status() + " " + reply.body());
    JsonNode vm = json(reply.body());
    assertTrue(vm.get("MostRecentTaskId").asText().matches(GUID), vm.toString());
    assertTrue(vm.get("ID").asText().matches(GUID));
    assertFalse(vm.get("ID").asText().equals(ZERO_GUID));
    return vm;
  }

  /** The poll: Jobs(StampId,ID) until ProgressValue is 100 (the step waits 10 s between polls). */
  private JsonNode awaitJob(String jobId) {
    for (int poll = 0; poll < 90; poll++) {
      RawHttp.Reply reply = lwp("GET", "Jobs" + keysInOtherOrder(jobId), null);
      JsonNode job = json(reply.body());
      if (job.path("ProgressValue").asInt() == 100) {
        return job;
      }
      pause();
    }
    throw new AssertionError("job " + jobId + " never reached 100");
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void provisionsAVmAwaitsItsJobReadsItAndStartsIt() {
    JsonNode vm = provision("ec-vm-01");
    JsonNode job = awaitJob(vm.get("MostRecentTaskId").asText());
    assertTrue(job.get("StatusString").isTextual(), "the step prints StatusString: " + job);
    assertEquals("Completed", job.get("Status").asText());

    String key = keysInOtherOrder(vm.get("ID").asText());
    RawHttp.Reply read = lwp("GET", "VirtualMachines" + key + EXPAND, null);
    assertEquals(200, read.status(), read.body());
    JsonNode expanded = json(read.body());
    assertEquals("ec-vm-01", expanded.get("Name").asText());
    assertTrue(expanded.get("VirtualNetworkAdapters").isArray(), expanded.toString());

    RawHttp.Reply started = lwp("PATCH", "VirtualMachines" + key, "{\"Operation\":\"Start\"}");
    assertTrue(started.status() <= 399, started.status() + " " + started.body());
    assertEquals("Running", json(lwp("GET", "VirtualMachines" + key, null).body()).get("Status").asText());
  }

  @Test
  void theNewVmsFirstAdapterHasAnIpv4AddressForTheHostName() {
    JsonNode vm = provision("ec-vm-02");
    awaitJob(vm.get("MostRecentTaskId").asText());
    JsonNode expanded = json(lwp("GET", "VirtualMachines" + keysInOtherOrder(vm.get("ID").asText()) + EXPAND, null)
        .body());
    JsonNode adapter = expanded.get("VirtualNetworkAdapters").get(0);
    assertEquals("Fabrikam Web", adapter.get("VMNetworkName").asText());
    assertTrue(adapter.get("IPv4Addresses").get(0).asText().startsWith("10.0.0."), adapter.toString());
  }
}
