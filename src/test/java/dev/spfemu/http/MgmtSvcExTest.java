package dev.spfemu.http;

import static dev.spfemu.http.TenantPublicApiModuleTest.ps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bgelens/MgmtSvcEx ({@code MgmtSvcEx.psm1}, CLIENTS.md D.6), the admin module, replayed on WAP's
 * admin root {@code A} over the demo world: {@code Authorization: Bearer} (no authentication yet: it
 * must be ignored), {@code x-ms-principal-id}, {@code Accept: application/json;odata=fullmetadata},
 * {@code %20} for the spaces of {@code $filter}. It reads each cloud with its logical networks (the
 * cloud's {@code LogicalNetworks@odata.navigationLinkUrl} appended to {@code A/} as text), the VM
 * networks of the cloud's stamp on those logical networks, the templates but those whose
 * {@code OSType} is {@code Other}, and the hardware profiles. Replies are read as PowerShell reads
 * them: {@code Value} matches {@code value}.
 */
class MgmtSvcExTest extends EmulatorHttpTest {

  private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ1cG4iOiJhZG1pbkBmYWJyaWthbS5jb20ifQ.c2ln";

  @BeforeEach
  void resetWorld() {
    spf.reset();
  }

  private String admin() {
    return spf.baseUrl() + "/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  /** Invoke-RestMethod on {@code A/} + path; the reply's {@code Value}. */
  private List<JsonNode> value(String path) {
    RawHttp.Reply reply = RawHttp.send("GET", URI.create(admin() + path), null,
        "User-Agent: Mozilla/5.0 (Windows NT; Windows NT 6.3; en-US) WindowsPowerShell/4.0",
        "Authorization: Bearer " + TOKEN, "x-ms-principal-id: admin@fabrikam.com",
        "Accept: application/json;odata=fullmetadata");
    assertEquals(200, reply.status(), path + ": " + reply.body());
    List<JsonNode> items = new ArrayList<>();
    ps(json(reply.body()), "Value").forEach(items::add);
    return items;
  }

  @Test
  void eachCloudWithItsLogicalNetworksAndTheirVmNetworks() {
    TreeMap<String, List<String>> seen = new TreeMap<>();
    for (JsonNode cloud : value("Clouds()")) {
      String stamp = ps(cloud, "StampId").asText();
      String link = ps(cloud, "LogicalNetworks@odata.navigationLinkUrl").asText();
      assertFalse(link.startsWith("http") || link.startsWith("/"), "appended to A/ as text: " + link);
      Set<String> logical = new TreeSet<>();
      List<String> names = new ArrayList<>();
      for (JsonNode network : value(link)) {
        logical.add(ps(network, "ID").asText());
        names.add(ps(network, "Name").asText());
      }
      for (JsonNode network : value("VMNetworks()?$filter=StampId%20eq%20guid'" + stamp + "'")) {
        assertEquals(stamp, ps(network, "StampId").asText());
        if (logical.contains(ps(network, "LogicalNetworkId").asText())) {
          names.add(ps(network, "Name").asText());
        }
      }
      seen.put(ps(cloud, "Name").asText(), names);
    }
    assertEquals(List.of("Tenant Network A", "Fabrikam Web"), seen.get("Gold Cloud"), seen.toString());
    assertEquals(List.of("Tenant Network B", "Fabrikam Dev"), seen.get("Silver Cloud"), seen.toString());
  }

  @Test
  void theTemplatesButOtherOsTypesAndTheHardwareProfiles() {
    List<String> templates = value("VMTemplates()").stream()
        .filter(template -> !ps(template, "OSType").asText().equals("Other"))
        .map(template -> ps(template, "Name").asText()).toList();
    assertTrue(templates.containsAll(List.of("Windows Server 2012 R2 Datacenter", "Ubuntu Server 14.04")),
        templates.toString());
    List<String> profiles = value("HardwareProfiles()").stream().map(profile -> ps(profile, "Name").asText()).toList();
    assertTrue(profiles.containsAll(List.of("Small", "Large")), profiles.toString());
  }
}
