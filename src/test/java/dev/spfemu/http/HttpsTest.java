package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.Credentials;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import dev.spfemu.TlsOptions;
import dev.spfemu.server.auth.NtlmClient;
import dev.spfemu.tls.ForcedClientCertificate;
import dev.spfemu.tls.SelfSignedCertificatesTest;
import dev.spfemu.tls.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as a client sees it: the same endpoints as plain HTTP, a certificate the client trusts once
 * exported ({@code --export-cert}), a keystore of the user's, and client certificates of a CA. Every
 * positive test trusts exactly the certificate (or CA) it expects, with host names checked.
 */
class HttpsTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String TENANT_ROOT = "/" + SUBSCRIPTION + "/services/systemcenter/vmm/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  private SpfEmulator spf;

  @AfterEach
  void stop() {
    if (spf != null) {
      spf.close();
    }
  }

  private SpfEmulator start(TlsOptions tls) {
    return start(EmulatorOptions.builder().tls(tls));
  }

  private SpfEmulator start(EmulatorOptions.Builder options) {
    spf = options.dynamicPort().start();
    return spf;
  }

  private TlsOptions httpsExportingTo(Path pem) {
    return TlsOptions.httpOnly().withHttpsPort(0).withExportedCertificate(pem);
  }

  private static X509Certificate readPem(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTenantRootAnswersOverHttpsInJsonAndAtomAndPlainHttpStillDoes() throws Exception {
    Path pem = folder.resolve("spf.pem");
    start(httpsExportingTo(pem));
    HttpClient client = TestPki.httpClient(List.of(readPem(pem)), null);
    assertTrue(spf.httpsBaseUrl().matches("https://127\\.0\\.0\\.1:\\d+"), spf.httpsBaseUrl());
    assertTrue(spf.httpsPort() > 0 && spf.httpsPort() != spf.port());

    HttpResponse<String> json = get(client, spf.httpsBaseUrl() + TENANT_ROOT + "Clouds", "application/json");
    assertEquals(200, json.statusCode(), json.body());
    JsonNode clouds = JSON.readTree(json.body());
    assertEquals(spf.httpsBaseUrl() + TENANT_ROOT + "$metadata#Clouds", clouds.get("odata.metadata").asText());
    assertTrue(clouds.get("value").size() > 0, json.body());

    HttpResponse<String> atom = get(client, spf.httpsBaseUrl() + TENANT_ROOT + "Clouds", null);
    assertEquals(200, atom.statusCode(), atom.body());
    assertTrue(atom.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
    assertTrue(atom.body().contains("xml:base=\"" + spf.httpsBaseUrl() + TENANT_ROOT + "\""), atom.body());

    HttpResponse<String> plain = get(HttpClient.newHttpClient(), spf.baseUrl() + TENANT_ROOT + "Clouds",
        "application/json");
    assertEquals(200, plain.statusCode());
    assertTrue(spf.baseUrl().startsWith("http://"), spf.baseUrl());
  }

  @Test
  void theSeedExchangeAndTheAdminApiWorkOverHttps() throws Exception {
    Path pem = folder.resolve("spf.pem");
    start(httpsExportingTo(pem));
    HttpClient client = TestPki.httpClient(List.of(readPem(pem)), null);
    String root = spf.httpsBaseUrl() + TENANT_ROOT;
    String seed = "{\"odata.type\":\"VMM.VMCheckPoint\",\"Name\":\"Checkpoint 1\","
        + "\"StampId\":\"d70c1a9b-c241-48f5-880a-b6c36071e653\",\"VMId\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\"}";
    for (String accept : new String[] {"application/json;odata=minimalmetadata", "application/atom+xml"}) {
      HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(root + "VMCheckPoints"))
          .header("DataServiceVersion", "3.0;NetFx").header("MaxDataServiceVersion", "3.0;NetFx")
          .header("Content-Type", "application/json;odata=minimalmetadata").header("Accept", accept)
          .POST(HttpRequest.BodyPublishers.ofString(seed)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
      assertTrue(created.headers().firstValue("Location").orElse("").startsWith(root + "VMCheckPoints(ID=guid'"),
          created.headers().toString());
      assertTrue(created.body().contains("Checkpoint 1"), created.body());
    }

    HttpResponse<String> health = get(client, spf.httpsBaseUrl() + "/_emulator/health", null);
    assertEquals(200, health.statusCode(), health.body());
    assertEquals(2, spf.requests("POST", "VMCheckPoints").size());
  }

  @Test
  void withoutPlainHttpOnlyHttpsIsServedAndTheBaseUrlIsHttps() throws Exception {
    Path pem = folder.resolve("spf.pem");
    start(httpsExportingTo(pem).withoutHttp());
    assertEquals(spf.httpsPort(), spf.port());
    assertEquals(spf.httpsBaseUrl(), spf.baseUrl());
    assertTrue(spf.serviceRoot(SUBSCRIPTION).startsWith("https://"), spf.serviceRoot(SUBSCRIPTION));

    HttpClient client = TestPki.httpClient(List.of(readPem(pem)), null);
    assertEquals(200, get(client, spf.serviceRoot(SUBSCRIPTION) + "Clouds", "application/json").statusCode());
    // plain HTTP to the only port gets no HTTP answer: the port speaks TLS
    String plain = "http://127.0.0.1:" + spf.port() + TENANT_ROOT + "Clouds";
    HttpResponse<String> refused = null;
    try {
      refused = get(HttpClient.newHttpClient(), plain, "application/json");
    } catch (IOException expected) {
      // the connection is closed: also no answer
    }
    assertTrue(refused == null || refused.statusCode() == 400, () -> "plain HTTP answered on the TLS port");
  }

  @Test
  void withoutHttpsThereIsNoHttpsPortUrlOrCertificate() {
    start(TlsOptions.httpOnly());
    assertEquals(-1, spf.httpsPort());
    assertEquals(null, spf.httpsCertificate());
    IllegalStateException error = assertThrows(IllegalStateException.class, spf::httpsBaseUrl);
    assertTrue(error.getMessage().contains("HTTPS is off"), error.getMessage());
    assertTrue(spf.baseUrl().startsWith("http://"), spf.baseUrl());
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateFails() {
    start(TlsOptions.httpOnly().withHttpsPort(0));
    HttpClient untrusting = HttpClient.newHttpClient(); // the JDK's CAs only
    assertThrows(SSLHandshakeException.class, () -> get(untrusting, spf.httpsBaseUrl() + TENANT_ROOT, null));
  }

  @Test
  void aPkcs12KeystoreOfTheUsersIsShownAndExported() throws Exception {
    TestPki.Issued ca = TestPki.ca("Operations CA");
    TestPki.Issued server = ca.issue("spf.test", false, "127.0.0.1");
    Path keystore = server.writePkcs12(folder.resolve("spf.p12"), "s3cret");
    Path pem = folder.resolve("exported.pem");
    start(httpsExportingTo(pem).withKeystore(keystore, "s3cret"));

    assertEquals(server.certificate(), spf.httpsCertificate());
    assertEquals(server.certificate(), readPem(pem));
    HttpClient trustsTheCa = TestPki.httpClient(List.of(ca.certificate()), null);
    assertEquals(200, get(trustsTheCa, spf.httpsBaseUrl() + TENANT_ROOT + "Clouds", "application/json").statusCode());
  }

  @Test
  void theGeneratedCertificateHoldsTheTlsSanNamesAndIsExportedAsPem() throws Exception {
    Path pem = folder.resolve("nested/spf.pem");
    start(httpsExportingTo(pem).withSubjectAlternativeName("spf.example.test").withSubjectAlternativeName("10.1.2.3"));

    X509Certificate exported = readPem(pem);
    assertEquals(spf.httpsCertificate(), exported);
    assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"));
    List<String> names = SelfSignedCertificatesTest.sans(exported);
    assertTrue(names.containsAll(List.of("dns:localhost", "ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1",
        "dns:spf.example.test", "ip:10.1.2.3")), names.toString());
    assertEquals("CN=SPF VMM Emulator", exported.getSubjectX500Principal().getName());
  }

  @Test
  void eachEmulatorGeneratesItsOwnCertificate() {
    start(TlsOptions.httpOnly().withHttpsPort(0));
    try (SpfEmulator other = EmulatorOptions.builder().dynamicPort().httpsPort(0).start()) {
      assertTrue(!other.httpsCertificate().equals(spf.httpsCertificate()));
    }
  }

  @Test
  void aClientCertificateOfTheClientCaCompletesTheHandshake() throws Exception {
    TestPki.Issued ca = TestPki.ca("Tenant CA");
    TestPki.Issued client = ca.issue("dasein", true);
    Path bundle = TestPki.writePem(folder.resolve("client-ca.pem"), ca.certificate());
    Path pem = folder.resolve("spf.pem");
    start(EmulatorOptions.builder().tls(httpsExportingTo(pem))
        .credentials(Credentials.none().withClientCa(bundle)));
    X509Certificate server = readPem(pem);
    String clouds = spf.httpsBaseUrl() + TENANT_ROOT + "Clouds";

    HttpResponse<String> withCertificate = get(TestPki.httpClient(List.of(server), client), clouds, "application/json");
    assertEquals(200, withCertificate.statusCode(), withCertificate.body());

    // Without a certificate the handshake completes too; whether the root then asks for another
    // credential is the authentication stage's business: the emulator answered.
    HttpResponse<String> without = get(TestPki.httpClient(List.of(server), null), clouds, "application/json");
    assertTrue(without.headers().firstValue("x-ms-request-id").isPresent(), without.headers().toString());

    TestPki.Issued stranger = TestPki.ca("Another CA").issue("stranger", true);
    HttpClient forcing = HttpClient.newBuilder().sslContext(ForcedClientCertificate.context(server, stranger)).build();
    assertThrows(IOException.class, () -> get(forcing, clouds, "application/json"));
  }

  /** Dasein's and WAPack's way in (CLIENTS.md D.3, D.5): the certificate is the credential, its subject the caller. */
  @Test
  void aClientCertificateAuthenticatesOnTheTenantRootAndItsSubjectOwnsWhatItCreates() throws Exception {
    TestPki.Issued ca = TestPki.ca("Tenant CA");
    Path bundle = TestPki.writePem(folder.resolve("client-ca.pem"), ca.certificate());
    Path pem = folder.resolve("spf.pem");
    start(EmulatorOptions.builder().tls(httpsExportingTo(pem))
        .credentials(Credentials.none().withClientCa(bundle)));
    X509Certificate server = readPem(pem);
    String vms = spf.httpsBaseUrl() + TENANT_ROOT + "VirtualMachines";

    HttpResponse<String> anonymous = get(TestPki.httpClient(List.of(server), null), vms, "application/json");
    assertEquals(401, anonymous.statusCode(), anonymous.body());

    HttpClient dasein = TestPki.httpClient(List.of(server), ca.issue("dasein", true));
    HttpResponse<String> created = dasein.send(HttpRequest.newBuilder(URI.create(vms))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"by-certificate\",\"StampId\":\""
            + "d70c1a9b-c241-48f5-880a-b6c36071e653\",\"CloudId\":\"00000000-0000-4000-8000-000000000101\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("dasein", new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body())
        .get("Owner").get("UserName").asText());
  }

  /**
   * How WAP registers SPF (a user name and password over HTTPS, docs/operations.md) and how the WAP
   * tenant API's clients call (a bearer token, CLIENTS.md D.1), over TLS with the exported certificate.
   */
  @Test
  void basicAndBearerCredentialsWorkOverHttps() throws Exception {
    Path pem = folder.resolve("spf.pem");
    start(EmulatorOptions.builder().tls(httpsExportingTo(pem)).user("wap-admin", "p@ss:word")
        .token("tenant-token", SUBSCRIPTION));
    HttpClient client = TestPki.httpClient(List.of(readPem(pem)), null);
    String spfRoot = spf.httpsBaseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/Clouds";
    String basic = "Basic " + java.util.Base64.getEncoder()
        .encodeToString("wap-admin:p@ss:word".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertEquals(401, get(client, spfRoot, "application/json").statusCode());
    assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(spfRoot)).header("Accept", "application/json")
        .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

    String tenantRoot = spf.httpsBaseUrl() + TENANT_ROOT + "Clouds";
    assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(tenantRoot)).header("Accept", "application/json")
        .header("Authorization", "Bearer tenant-token").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    String otherTenant = spf.httpsBaseUrl() + "/3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c/services/systemcenter/vmm/Clouds";
    assertEquals(403, client.send(HttpRequest.newBuilder(URI.create(otherTenant)).header("Accept", "application/json")
        .header("Authorization", "Bearer tenant-token").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  /** The Terraform provider's NTLM transport (CLIENTS.md D.2) against SPF's root over HTTPS, as its example configures it. */
  @Test
  void anNtlmHandshakeAuthenticatesAConnectionOverHttps() throws Exception {
    Path pem = folder.resolve("spf.pem");
    start(EmulatorOptions.builder().tls(httpsExportingTo(pem)).user("svc-terraform", "Pa55w0rd"));
    URI vms = URI.create(spf.httpsBaseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/VirtualMachines");
    try (RawHttp.Connection connection = new RawHttp.Connection(vms, TestPki.sslContext(List.of(readPem(pem)), null))) {
      RawHttp.Reply probe = connection.send("GET", vms, null, "Authorization: NTLM " + NtlmClient.GO_NEGOTIATE);
      assertEquals(401, probe.status(), probe.body());
      String challenge = probe.values("WWW-Authenticate").get(0);
      RawHttp.Reply listed = connection.send("GET", vms, null, "Accept: application/json",
          "Authorization: " + NtlmClient.authenticate(challenge, "svc-terraform", "CORP", "Pa55w0rd"));
      assertEquals(200, listed.status(), listed.body());
    }
  }
}
