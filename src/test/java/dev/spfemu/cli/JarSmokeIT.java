package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.spfemu.cli.EmulatorJar.awaitListening;
import static dev.spfemu.cli.EmulatorJar.command;
import static dev.spfemu.cli.EmulatorJar.stdout;

import dev.spfemu.http.RunningJobs;
import dev.spfemu.tls.PemCertificates;
import dev.spfemu.tls.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: starts, prints its address, serves the seed request, stops on SIGTERM. */
class JarSmokeIT {

  private static final Pattern LISTENING_HTTPS =
      Pattern.compile("SPF VMM emulator listening on (https://127\\.0\\.0\\.1:(\\d+)/)");

  private static Process launch(String... args) throws IOException {
    return command(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void runsServesAndStopsOnSigterm() throws Exception {
    assertTrue(Files.exists(EmulatorJar.JAR), "mvn package builds " + EmulatorJar.JAR);
    Process process = launch("--port", "0");
    try {
      String root = awaitListening(stdout(process)) + "ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/";
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + "VMCheckPoints"))
          .header("DataServiceVersion", "3.0;NetFx")
          .header("MaxDataServiceVersion", "3.0;NetFx")
          .header("Content-Type", "application/json;odata=minimalmetadata")
          .header("Accept", "application/json;odata=minimalmetadata")
          .POST(HttpRequest.BodyPublishers.ofString("{\"odata.type\":\"VMM.VMCheckPoint\",\"Name\":\"Checkpoint 1\","
              + "\"StampId\":\"d70c1a9b-c241-48f5-880a-b6c36071e653\",\"VMId\":\"f11b61fa-b5c7-4807-93b4-f9b371896c6f\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(201, response.statusCode(), response.body());
      assertTrue(response.headers().firstValue("Server").isEmpty());

      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
    } finally {
      EmulatorJar.kill(process);
    }
  }

  @Test
  void servesHttpsWithTheGeneratedCertificateItExports(@TempDir Path folder) throws Exception {
    Path pem = folder.resolve("spf.pem");
    Process process = launch("--port", "0", "--https-port", "0", "--export-cert", pem.toString());
    try {
      BufferedReader out = stdout(process);
      awaitListening(out);
      String line = out.readLine();
      Matcher https = LISTENING_HTTPS.matcher(String.valueOf(line));
      assertTrue(https.matches(), "second line: " + line);
      assertEquals("HTTPS certificate written to " + pem, out.readLine());

      HttpClient client = TestPki.httpClient(List.of(PemCertificates.read(pem, "exported").get(0)), null);
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(https.group(1)
          + "ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/Clouds"))
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"value\""), response.body());

      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
    } finally {
      EmulatorJar.kill(process);
    }
  }

  @Test
  void aMissingKeystoreExitsOneSayingSo(@TempDir Path folder) throws Exception {
    Path missing = folder.resolve("missing.p12");
    Process process = command("--port", "0", "--https-port", "0", "--tls-keystore", missing.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    assertEquals(1, process.exitValue());
    assertTrue(error.contains("--tls-keystore file " + missing + " was not found"), error);
  }

  /** {@code capture} from the jar: an emulator over HTTPS with Basic auth into a file, and a one-line 401. */
  @Test
  void capturesAnEmulatorIntoAWorldFile(@TempDir Path folder) throws Exception {
    Path pem = folder.resolve("spf.pem");
    try (dev.spfemu.SpfEmulator spf = dev.spfemu.EmulatorOptions.builder().dynamicPort()
        .tls(dev.spfemu.TlsOptions.httpOnly().withHttpsPort(0).withExportedCertificate(pem))
        .user("admin", "s3cret").pageSize(7).start()) {
      String root = spf.httpsBaseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
      Path world = folder.resolve("world.json");
      Process process = command("capture", "--from", root, "--out", world.toString(), "--user", "admin:s3cret",
          "--cacert", pem.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, process.exitValue(), out);
      assertTrue(out.startsWith("Captured ") && out.contains("of 2 subscription(s)"), out);
      assertTrue(Files.readString(world).contains("\"VirtualMachines\""));

      Process wrong = command("capture", "--from", root, "--out", world.toString(), "--user", "admin:wrong",
          "--cacert", pem.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      String error = new String(wrong.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(wrong.waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, wrong.exitValue());
      assertTrue(error.startsWith("401 Unauthorized from " + root), error);
    }
  }

  @Test
  void badArgumentsExitWithUsage() throws Exception {
    Process process = launch("--port", "http");
    assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue());
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    Process process = launch("--help");
    String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue());
    assertTrue(help.contains("--port"), help);
  }

  /**
   * SIGTERM while a request waits for its VMM job: the request is answered (201) before the server
   * stops, and the process exits 0 (the JVM alone would exit 143).
   */
  @Test
  void sigtermLetsARequestInFlightFinishAndExitsZero() throws Exception {
    Process process = launch("--port", "0", "--job-duration", "3000");
    try {
      String root = awaitListening(stdout(process)) + "ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/";
      HttpClient client = HttpClient.newHttpClient();
      CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(RunningJobs.checkpointCreate(root, "in flight"),
          HttpResponse.BodyHandlers.ofString());
      RunningJobs.await(client, root);

      process.destroy(); // SIGTERM, while the checkpoint's job runs

      HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
      assertEquals(201, answer.statusCode(), answer.body());
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
      assertEquals(0, process.exitValue());
    } finally {
      EmulatorJar.kill(process);
    }
  }
}
