package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capture} against an emulator over HTTPS with Basic auth and pages of 7, then the round trip:
 * a second emulator seeded with the captured file serves the same entities, byte for byte in JSON
 * light; and the errors a user meets (wrong password, untrusted certificate, a 404 root, nobody listening).
 */
class CaptureCommandTest {

  private static final String FABRIKAM = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String CONTOSO = "3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c";
  private static final String ALL = "/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;
  private SpfEmulator source;
  private SpfEmulator replay;
  private Path pem;

  @BeforeEach
  void start() throws IOException {
    source = EmulatorOptions.builder().dynamicPort().httpsPort(0).user("admin", "s3cret").pageSize(7).start();
    pem = folder.resolve("spf.pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded())
        + "\n-----END CERTIFICATE-----\n");
  }

  private byte[] encoded() {
    try {
      return source.httpsCertificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    if (replay != null) {
      replay.close();
    }
  }

  private record Run(int exitCode, String out, String err) {
  }

  private static Run capture(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CaptureCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String tenantRoot(String subscription) {
    return source.httpsBaseUrl() + "/" + subscription + "/services/systemcenter/vmm/";
  }

  @Test
  void aTenantRootIsCapturedAndReplayedByteForByte() throws Exception {
    Path world = folder.resolve("fabrikam.json");
    Run run = capture("--from", tenantRoot(FABRIKAM), "--out", world.toString(), "--user", "admin:s3cret",
        "--cacert", pem.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("of 1 subscription(s) into " + world), run.out());
    assertTrue(run.out().contains("CloudCapacities (admin only, not on a tenant root)"), run.out());
    assertEquals("", run.err(), "no progress when stderr is not a terminal");
    JsonNode file = JSON.readTree(world.toFile());
    assertEquals(1, file.get("subscriptions").size());
    assertEquals(FABRIKAM, file.get("subscriptions").get(0).get("id").asText());
    assertTrue(file.get("subscriptions").get(0).get("entities").get("VirtualMachines").size() >= 2);
    assertFalse(Files.readString(world).contains("odata."), "no annotations in a world file");
    file.get("subscriptions").get(0).get("entities").fields()
        .forEachRemaining(set -> assertTrue(set.getValue().size() > 0, set.getKey() + ": no empty sets"));

    replay = EmulatorOptions.builder().dynamicPort().pageSize(7).seedFile(world).start();
    assertSameSets(FABRIKAM, false);
  }

  @Test
  void theAllSubscriptionsRootIsReadPerSubscription() throws Exception {
    Path world = folder.resolve("all.json");
    Run run = capture("--from", source.httpsBaseUrl() + ALL, "--out", world.toString(), "--user", "admin:s3cret",
        "--cacert", pem.toString(), "--subscription", FABRIKAM, CONTOSO);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("of 2 subscription(s)"), run.out());
    JsonNode file = JSON.readTree(world.toFile());
    assertEquals(2, file.get("subscriptions").size());
    assertTrue(file.get("subscriptions").get(0).get("entities").has("CloudCapacities"),
        "admin-only sets are read from SPF's own roots");

    replay = EmulatorOptions.builder().dynamicPort().pageSize(7).seedFile(world).start();
    assertSameSets(FABRIKAM, true);
    assertSameSets(CONTOSO, true);
  }

  @Test
  void withoutSubscriptionsTheAdminServiceTenantsNameThem() throws Exception {
    Path world = folder.resolve("tenants.json");
    Run run = capture("--from", source.httpsBaseUrl() + ALL, "--out", world.toString(), "--user", "admin:s3cret",
        "--cacert", pem.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("of 2 subscription(s) and"), run.out());
    JsonNode file = JSON.readTree(world.toFile());
    assertTrue(file.get("admin").get("entities").get("Tenants").size() >= 2, file.get("admin").toString());

    replay = EmulatorOptions.builder().dynamicPort().pageSize(7).seedFile(world).start();
    assertSameSets(FABRIKAM, true);
    assertSameSets(CONTOSO, true);
  }

  @Test
  void withoutSubscriptionsOrTenantsTheCaptureAsksForThem() throws Exception {
    try (SpfEmulator empty = EmulatorOptions.builder().dynamicPort().seed(false).start()) {
      Run run = capture("--from", empty.baseUrl() + ALL, "--out", folder.resolve("x.json").toString());
      assertEquals(1, run.exitCode(), run.out());
      assertTrue(run.err().strip().endsWith("name them with --subscription ID"), run.err());
      assertFalse(Files.exists(folder.resolve("x.json")));
    }
  }

  @Test
  void aBearerTokenIsSent() throws Exception {
    try (SpfEmulator tokens = EmulatorOptions.builder().dynamicPort().token("t0ken", FABRIKAM).start()) {
      String root = tokens.baseUrl() + "/" + FABRIKAM + "/services/systemcenter/vmm/";
      Path world = folder.resolve("token.json");
      Run run = capture("--from", root, "--out", world.toString(), "--token", "t0ken");
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(JSON.readTree(world.toFile()).get("subscriptions").get(0).get("entities").has("VirtualMachines"));
      Run wrong = capture("--from", root, "--out", world.toString(), "--token", "other");
      assertEquals(1, wrong.exitCode());
      assertTrue(wrong.err().startsWith("401 Unauthorized from "), wrong.err());
    }
  }

  @Test
  void aRootThatIsNoODataServiceIsSaidSo() throws Exception {
    com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext("/", exchange -> {
      byte[] page = "<html>Welcome</html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    web.start();
    try {
      String root = "http://127.0.0.1:" + web.getAddress().getPort() + "/" + FABRIKAM + "/services/systemcenter/vmm/";
      Run run = capture("--from", root, "--out", folder.resolve("x.json").toString());
      assertEquals(1, run.exitCode());
      assertTrue(run.err().startsWith(root + " is not an OData service"), run.err());
    } finally {
      web.stop(0);
    }
  }

  @Test
  void aWrongPasswordIsA401() throws IOException {
    Path world = folder.resolve("never.json");
    Path older = folder.resolve("older.json");
    Files.writeString(older, "{}");
    Run again = capture("--from", tenantRoot(FABRIKAM), "--out", older.toString(), "--user", "admin:wrong",
        "--cacert", pem.toString());
    assertEquals(1, again.exitCode());
    assertEquals("{}", Files.readString(older), "an older file is left as it was");
    Run run = capture("--from", tenantRoot(FABRIKAM), "--out", world.toString(), "--user", "admin:wrong",
        "--cacert", pem.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("401 Unauthorized from "), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(Files.exists(world));
  }

  @Test
  void anUntrustedCertificateIsATlsFailure() {
    Run run = capture("--from", tenantRoot(FABRIKAM), "--out", folder.resolve("x.json").toString(),
        "--user", "admin:s3cret");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("TLS failed with 127.0.0.1:" + source.httpsPort()), run.err());
    assertTrue(run.err().contains("--cacert"), run.err());
  }

  @Test
  void insecureTrustsAnyCertificateWithAWarning() {
    Path world = folder.resolve("insecure.json");
    Run run = capture("--from", tenantRoot(FABRIKAM), "--out", world.toString(), "--user", "admin:s3cret",
        "--insecure");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("Warning: --insecure"), run.err());
    assertTrue(Files.exists(world));
  }

  @Test
  void aUrlThatIsNoSpfRootIsRefusedBeforeAnyRequest() {
    Run run = capture("--from", source.httpsBaseUrl() + "/nothing/here/", "--out",
        folder.resolve("x.json").toString(), "--cacert", pem.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("is not an SPF VMM root"), run.err());
  }

  @Test
  void aRootAnsweringNotFoundStopsTheCapture() {
    Run run = capture("--from", source.httpsBaseUrl() + "/elsewhere" + ALL,
        "--out", folder.resolve("x.json").toString(), "--user", "admin:s3cret", "--cacert", pem.toString(),
        "--subscription", FABRIKAM);
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.err().startsWith("404 Not Found at "), run.err());
  }

  @Test
  void nobodyListeningIsAConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Run run = capture("--from", "http://127.0.0.1:" + port + "/" + FABRIKAM + "/services/systemcenter/vmm/",
        "--out", folder.resolve("x.json").toString());
    assertEquals(1, run.exitCode());
    assertEquals("Cannot reach 127.0.0.1:" + port + ": connection refused (is the service running there?)",
        run.err().strip());
  }

  @Test
  void aBadCommandLineIsUsage() {
    Run missing = capture("--out", "x.json");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("--from"), missing.err());
    Run both = capture("--from", "http://127.0.0.1:1/", "--out", "x.json", "--cacert", "a.pem", "--insecure");
    assertEquals(2, both.exitCode());
  }

  /** Every set of {@code subscription} (admin-only ones if asked), read from both emulators in JSON light, page by page: the same bytes. */
  private void assertSameSets(String subscription, boolean adminOnlySets) throws Exception {
    HttpClient sourceClient = dev.spfemu.tls.TestPki.httpClient(List.of(source.httpsCertificate()), null);
    HttpClient replayClient = HttpClient.newHttpClient();
    for (EntityTypeModel type : ModelLoader.loadDefault().entityTypes()) {
      if (type.adminOnly() && !adminOnlySets) {
        continue; // a tenant root does not serve them, so its capture has none
      }
      String path = "/SC2012R2/VMM/" + subscription + "/Microsoft.Management.Odata.svc/" + type.entitySet();
      List<String> expected = pages(sourceClient, source.httpsBaseUrl(), path, true);
      List<String> actual = pages(replayClient, replay.baseUrl(), path, false);
      assertEquals(expected, actual, type.entitySet() + " of " + subscription);
    }
  }

  /** The entities of every page of {@code path}, each as the service wrote it. */
  private static List<String> pages(HttpClient client, String base, String path, boolean authenticate)
      throws Exception {
    List<String> entities = new ArrayList<>();
    String next = base + path;
    while (next != null) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(next))
          .header("Accept", "application/json;odata=minimalmetadata").header("MaxDataServiceVersion", "3.0");
      if (authenticate) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), next + ": " + response.body());
      JsonNode page = JSON.readTree(response.body());
      page.get("value").forEach(entity -> entities.add(entity.toString()));
      next = page.has("odata.nextLink") ? page.get("odata.nextLink").asText().replace(base, "") : null;
      next = next == null ? null : (next.startsWith("http") ? next : base + next);
    }
    return entities;
  }
}
