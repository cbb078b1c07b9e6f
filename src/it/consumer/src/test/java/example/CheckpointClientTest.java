package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.SpfEmulator;
import dev.spfemu.junit.SpfEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What docs/testing.md promises a user: the dependency, the annotation, a running emulator. */
@SpfEmulatorTest
class CheckpointClientTest {

  @Test
  void theDemoWorldIsServed(SpfEmulator spf) throws Exception {
    String root = spf.serviceRoot("ae122d5f-3aab-4d75-ad48-d6593246a49e");
    HttpResponse<String> vms = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(root + "VirtualMachines")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, vms.statusCode(), vms.body());
    assertTrue(vms.body().contains("\"ID\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\""),
        "the demo world's VM: " + vms.body());
  }
}
