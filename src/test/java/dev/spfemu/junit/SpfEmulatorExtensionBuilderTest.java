package dev.spfemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic registration, with options. */
class SpfEmulatorExtensionBuilderTest {

  @RegisterExtension
  static final SpfEmulatorExtension SPF = SpfEmulatorExtension.builder()
      .options(EmulatorOptions.builder().seed(false).pageSize(5))
      .build();

  @Test
  void optionsApplyAndThePortIsAFreeOne(SpfEmulator spf) throws Exception {
    assertEquals(false, spf.options().seed());
    assertEquals(5, spf.options().pageSize());
    assertTrue(spf.port() > 0);
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(spf.serviceRoot("ae122d5f-3aab-4d75-ad48-d6593246a49e") + "VirtualMachines"))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"value\":[]"), "no demo world: " + response.body());
  }
}
