package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spfemu.server.auth.NtlmClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * badstreff/terraform-provider-vmm (CLIENTS.md D.2) replayed as its Go client sends it, after the
 * NTLM handshake: the provider's {@code base_url} is SPF's all-subscriptions root with a trailing
 * slash, so every path has {@code Microsoft.Management.Odata.svc//}; every key uses the configured
 * {@code stamp_id}; GETs send {@code Accept: application/json}, POST and PUT {@code x-ms-principal-id}
 * and {@code Content-Type: application/json} and no Accept (so the replies are Atom, and the new ID is
 * read at {@code content>properties>ID}), DELETE both and {@code Accept: application/json;odata=minimalmetadata};
 * always {@code User-Agent: Go-http-client/1.1} and {@code Accept-Encoding: gzip}, no {@code Expect}.
 * What it reads back goes through {@link GoStructs}, the rules of Go's decoder.
 */
class TerraformProviderTest extends EmulatorHttpTest {

  /** The provider's configured stamp_id: the demo world's. */
  private static final String STAMP_ID = STAMP;

  private String baseUrl() {
    return spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  private RawHttp.Reply send(String method, String path, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("User-Agent: Go-http-client/1.1"));
    all.addAll(List.of(headers));
    all.add("Accept-Encoding: gzip");
    return RawHttp.send(method, URI.create(baseUrl() + "/" + path), body, false, all.toArray(String[]::new));
  }

  private JsonNode get(String path) {
    RawHttp.Reply reply = send("GET", path, null, "Accept: application/json");
    assertEquals(200, reply.status(), path + ": " + reply.body());
    return json(reply.body());
  }

  /** A POST or PUT: no Accept. */
  private RawHttp.Reply change(String method, String path, String body) {
    return send(method, path, body, "Content-Type: application/json", "x-ms-principal-id: terraform-provider-vmm");
  }

  private RawHttp.Reply delete(String path) {
    return send("DELETE", path, null, "Accept: application/json;odata=minimalmetadata", "Content-Type: application/json",
        "x-ms-principal-id: terraform-provider-vmm");
  }

  private static String key(String set, String id) {
    return set + "(ID=guid'" + id + "',StampId=guid'" + STAMP_ID + "')";
  }

  /** GetByName: exactly one exact Name match in the list; its ID. */
  private String idByName(String set, String name) {
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode item : get(set).get("value")) {
      if (name.equals(GoStructs.decode(item, GoStructs.NAMED).path("Name").asText(null))) {
        matches.add(item);
      }
    }
    assertEquals(1, matches.size(), set + " named " + name);
    return matches.get(0).get("ID").asText();
  }

  /** A POST answered in Atom: the new entity's ID from content>properties>ID. */
  private String create(String set, String body) {
    RawHttp.Reply reply = change("POST", set, body);
    assertEquals(201, reply.status(), reply.body());
    assertTrue(reply.header("Content-Type").startsWith("application/atom+xml"), reply.header("Content-Type"));
    String id = Xml.parse(reply.body()).string("/a:entry/a:content/m:properties/d:ID");
    assertTrue(id.matches(GUID), id);
    return id;
  }

  private JsonNode readVm(String id) {
    JsonNode vm = GoStructs.decode(get(key("VirtualMachines", id)), GoStructs.VIRTUAL_MACHINE);
    for (String dereferenced : List.of("MostRecentTaskId", "Name", "StampId", "CloudId", "VirtualMachineState")) {
      assertFalse(vm.path(dereferenced).isNull() || vm.path(dereferenced).isMissingNode(), dereferenced);
    }
    return vm;
  }

  /** Polls Jobs + K (the VM's MostRecentTaskId) until IsCompleted. */
  private JsonNode awaitJobOf(String vmId) {
    String jobId = readVm(vmId).get("MostRecentTaskId").asText();
    for (int poll = 0; poll < 200; poll++) {
      JsonNode job = GoStructs.decode(get(key("Jobs", jobId)), GoStructs.JOB);
      if (job.get("IsCompleted").asBoolean()) {
        return job;
      }
      Thread.onSpinWait(); // the provider waits ~2 s between polls
    }
    throw new AssertionError("job " + jobId + " never completed");
  }

  private String newVm(String name, String cloud, String template) {
    ObjectNode body = (ObjectNode) json(fixture("bodies/terraform-vm-create.json").replace("CLOUD_ID", cloud)
        .replace("STAMP_ID", STAMP_ID));
    body.put("Name", name).put("ComputerName", name).put("VMTemplateId", template);
    ((ObjectNode) body.get("NewVirtualNetworkAdapterInput").get(0)).put("VMNetworkName", "Fabrikam Web");
    return body.toString();
  }

  private String operation(String id, String operation) {
    return "{\"odata.type\":\"VMM.VirtualMachine\",\"StampId\":\"" + STAMP_ID + "\",\"ID\":\"" + id
        + "\",\"Operation\":\"" + operation + "\"}";
  }

  private void put(String id, String body) {
    RawHttp.Reply reply = change("PUT", key("VirtualMachines", id), body);
    assertTrue(reply.status() / 100 == 2, reply.status() + " " + reply.body());
  }

  @Test
  void createsADrivesAVmStopsUpdatesRepairsAndDestroysIt() {
    String cloud = idByName("Clouds", "Gold Cloud");
    String template = idByName("VMTemplates", "Windows Server 2012 R2 Datacenter");
    String disk = idByName("VirtualHardDisks", "WS2012R2-Datacenter.vhdx");

    String vmId = create("VirtualMachines", newVm("tf-vm-01", cloud, template));
    JsonNode vm = readVm(vmId);
    assertEquals("tf-vm-01", vm.get("Name").asText());
    assertEquals(cloud, vm.get("CloudId").asText());
    assertEquals(STAMP_ID, vm.get("StampId").asText());
    assertEquals("New-SCVirtualMachine tf-vm-01", awaitJobOf(vmId).get("Name").asText());

    String drive = create("VirtualDiskDrives", "{\"odata.type\":\"VMM.VirtualDiskDrive\",\"StampId\":\"" + STAMP_ID
        + "\",\"VMId\":\"" + vmId + "\",\"VirtualHardDiskId\":\"" + disk
        + "\",\"Bus\":0,\"LUN\":1,\"IDE\":true,\"FileName\":\"tf-vm-01-data\"}");
    awaitJobOf(vmId);
    assertEquals(1, idsOf(get("VirtualDiskDrives")).stream().filter(drive::equals).count());
    JsonNode read = GoStructs.decode(get(key("VirtualDiskDrives", drive)), GoStructs.DISK_DRIVE);
    for (String dereferenced : List.of("Path", "Bus", "LUN", "IDE", "StampId")) {
      assertFalse(read.path(dereferenced).isNull() || read.path(dereferenced).isMissingNode(), dereferenced);
    }
    assertEquals(1, read.get("LUN").asInt());
    assertEquals(vmId, read.get("VMId").asText());

    // update: a running VM is stopped first; then Name, CPUCount, Memory; then started and repaired
    if ("Running".equals(readVm(vmId).get("VirtualMachineState").asText())) {
      put(vmId, operation(vmId, "Stop"));
      awaitJobOf(vmId);
    }
    put(vmId, "{\"odata.type\":\"VMM.VirtualMachine\",\"StampId\":\"" + STAMP_ID + "\",\"ID\":\"" + vmId
        + "\",\"Name\":\"tf-vm-renamed\",\"CPUCount\":4,\"Memory\":4096}");
    awaitJobOf(vmId);
    vm = readVm(vmId);
    assertEquals("tf-vm-renamed", vm.get("Name").asText());
    assertEquals(4, vm.get("CPUCount").asInt());
    assertEquals(4096, vm.get("Memory").asInt());
    put(vmId, operation(vmId, "Start"));
    assertEquals("Running", readVm(vmId).get("VirtualMachineState").asText());
    put(vmId, operation(vmId, "Repair"));
    assertTrue(awaitJobOf(vmId).get("IsCompleted").asBoolean());

    assertEquals(204, delete(key("VirtualDiskDrives", drive)).status());
    put(vmId, operation(vmId, "Stop"));
    RawHttp.Reply deleted = delete(key("VirtualMachines", vmId)); // no wait after the Stop
    assertEquals(204, deleted.status(), deleted.body());
    assertEquals(404, send("GET", key("VirtualMachines", vmId), null, "Accept: application/json").status());
  }

  private static List<String> idsOf(JsonNode feed) {
    List<String> ids = new ArrayList<>();
    feed.get("value").forEach(item -> ids.add(item.get("ID").asText()));
    return ids;
  }

  @Test
  void everyListTheProviderDecodesFitsItsGoStructs() {
    Map<String, Map<String, GoStructs.Kind>> structs = Map.of("VirtualMachines", GoStructs.VIRTUAL_MACHINE,
        "Jobs", GoStructs.JOB, "VirtualDiskDrives", GoStructs.DISK_DRIVE, "Clouds", GoStructs.NAMED,
        "VMTemplates", GoStructs.NAMED, "VirtualHardDisks", GoStructs.NAMED);
    structs.forEach((set, struct) -> {
      JsonNode value = get(set).get("value");
      assertFalse(value.isEmpty(), set);
      value.forEach(item -> GoStructs.decode(item, struct));
    });
  }

  @Test
  void theAdaptersOfAVmAreReadThroughItsNavigationPath() {
    String vmId = idByName("VirtualMachines", "web-01");
    JsonNode adapters = get(key("VirtualMachines", vmId) + "/VirtualNetworkAdapters").get("value");
    assertEquals(1, adapters.size());
    assertNotNull(GoStructs.decode(adapters.get(0), GoStructs.NETWORK_ADAPTER).get("MACAddress").textValue());
  }

  @Test
  void theAdapterOfANewVmHasAMacAddress() {
    String vmId = create("VirtualMachines", newVm("tf-vm-02", idByName("Clouds", "Gold Cloud"),
        idByName("VMTemplates", "Windows Server 2012 R2 Datacenter")));
    awaitJobOf(vmId);
    JsonNode adapters = get(key("VirtualMachines", vmId) + "/VirtualNetworkAdapters").get("value");
    assertEquals(1, adapters.size());
    assertNotNull(GoStructs.decode(adapters.get(0), GoStructs.NETWORK_ADAPTER).get("MACAddress").textValue());
  }

  @Test
  void theDriveOfANewVmHasAPath() {
    String vmId = create("VirtualMachines", newVm("tf-vm-03", idByName("Clouds", "Gold Cloud"),
        idByName("VMTemplates", "Windows Server 2012 R2 Datacenter")));
    awaitJobOf(vmId);
    String drive = create("VirtualDiskDrives", "{\"odata.type\":\"VMM.VirtualDiskDrive\",\"StampId\":\"" + STAMP_ID
        + "\",\"VMId\":\"" + vmId + "\",\"VirtualHardDiskId\":\"" + idByName("VirtualHardDisks", "WS2012R2-Datacenter.vhdx")
        + "\",\"Bus\":0,\"LUN\":2,\"SCSI\":true,\"FileName\":\"tf-vm-03-data\"}");
    JsonNode read = GoStructs.decode(get(key("VirtualDiskDrives", drive)), GoStructs.DISK_DRIVE);
    assertNotNull(read.get("Path").textValue());
    assertTrue(read.get("IDE").isBoolean(), "IDE, dereferenced, is false on a SCSI drive");
  }

  @Test
  void theNtlmProbeIsChallenged() {
    RawHttp.Reply probe = send("GET", "VirtualMachines", null,
        "Authorization: NTLM " + NtlmClient.GO_NEGOTIATE);
    assertEquals(401, probe.status());
    assertTrue(probe.header("WWW-Authenticate").startsWith("NTLM "), probe.header("WWW-Authenticate"));
  }

  /**
   * The Go transport as it runs: a GET probe with the NEGOTIATE, the 401 CHALLENGE, then the real POST
   * with the AUTHENTICATE on the same connection; an open emulator accepts any answer.
   */
  @Test
  void theNtlmTransportsPostIsServedAfterTheHandshake() {
    URI vms = URI.create(baseUrl() + "/VirtualMachines");
    try (RawHttp.Connection connection = new RawHttp.Connection(vms)) {
      RawHttp.Reply probe = connection.send("GET", vms, null, "User-Agent: Go-http-client/1.1",
          "Authorization: NTLM " + NtlmClient.GO_NEGOTIATE, "Accept-Encoding: gzip");
      assertEquals(401, probe.status(), probe.body());
      String challenge = probe.values("WWW-Authenticate").get(0);
      assertTrue(challenge.startsWith("NTLM "), "the first WWW-Authenticate is the NTLM challenge: " + challenge);
      RawHttp.Reply created = connection.send("POST", vms, newVm("tf-vm-ntlm", idByName("Clouds", "Gold Cloud"),
          idByName("VMTemplates", "Windows Server 2012 R2 Datacenter")), "User-Agent: Go-http-client/1.1",
          "Authorization: " + NtlmClient.authenticate(challenge, "tfuser", "CORP", "any password"),
          "Content-Type: application/json", "x-ms-principal-id: terraform-provider-vmm", "Accept-Encoding: gzip");
      assertEquals(201, created.status(), created.body());
      String id = Xml.parse(created.body()).string("/a:entry/a:content/m:properties/d:ID");
      assertEquals("tf-vm-ntlm", readVm(id).get("Name").asText());
    }
  }

  /** The decoder fails where Go's does, so the tests above would notice. */
  @Test
  void theGoStructsAreAsStrictAsGos() {
    assertThrows(AssertionError.class, () -> GoStructs.decode(json("{\"Description\":\"text\"}"), GoStructs.JOB));
    assertThrows(AssertionError.class, () -> GoStructs.decode(json("{\"CPUCount\":\"2\"}"),
        GoStructs.VIRTUAL_MACHINE));
    assertThrows(AssertionError.class, () -> GoStructs.decode(json("{\"LUN\":256}"), GoStructs.DISK_DRIVE));
    assertThrows(AssertionError.class, () -> GoStructs.decode(json("{\"VLanId\":40000}"), GoStructs.NETWORK_ADAPTER));
    assertThrows(AssertionError.class, () -> GoStructs.decode(
        json("{\"ErrorInfo\":{\"DetailedCode\":\"1\"}}"), GoStructs.JOB));
  }
}
