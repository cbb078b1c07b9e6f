package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that answers only Atom (here an emulator behind a proxy that asks it for Atom whatever
 * the client accepts) is captured all the same, and the replay serves the same JSON light.
 */
class AtomCaptureTest {

  private static final String FABRIKAM = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anAtomOnlyServiceIsCapturedAndReplayedByteForByte(@TempDir Path folder) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (SpfEmulator source = EmulatorOptions.builder().dynamicPort().pageSize(7).start()) {
      java.util.Set<String> served = java.util.concurrent.ConcurrentHashMap.newKeySet();
      HttpServer atomOnly = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String proxyBase = "http://127.0.0.1:" + atomOnly.getAddress().getPort();
      atomOnly.createContext("/", exchange -> {
        try {
          HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
              URI.create(source.baseUrl() + exchange.getRequestURI())).header("Accept", "application/atom+xml,"
              + "application/atomsvc+xml;q=0.9").build(), HttpResponse.BodyHandlers.ofString());
          served.add(reply.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
          byte[] body = reply.body().replace(source.baseUrl(), proxyBase).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", reply.headers().firstValue("Content-Type").orElse(""));
          exchange.sendResponseHeaders(reply.statusCode(), body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          exchange.close();
        }
      });
      atomOnly.start();
      Path world = folder.resolve("atom.json");
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CaptureCommand.run(new String[] {"--from", proxyBase + "/" + FABRIKAM + "/services/systemcenter/vmm/",
            "--out", world.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
      } finally {
        atomOnly.stop(0);
      }
      assertEquals(java.util.Set.of("application/atom+xml", "application/xml"), served,
          "the capture read Atom only");
      assertTrue(JSON.readTree(world.toFile()).get("subscriptions").get(0).get("entities").get("VirtualMachines")
          .size() >= 2);
      try (SpfEmulator replay = EmulatorOptions.builder().dynamicPort().pageSize(7).seedFile(world).start()) {
        for (EntityTypeModel type : ModelLoader.loadDefault().entityTypes()) {
          if (type.adminOnly()) {
            continue;
          }
          String path = "/" + FABRIKAM + "/services/systemcenter/vmm/" + type.entitySet();
          assertEquals(entities(http, source.baseUrl() + path), entities(http, replay.baseUrl() + path),
              type.entitySet());
        }
      }
    }
  }

  private static List<String> entities(HttpClient http, String url) throws Exception {
    List<String> entities = new ArrayList<>();
    String next = url;
    while (next != null) {
      HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(next))
          .header("Accept", "application/json;odata=minimalmetadata").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reply.statusCode(), next);
      JsonNode page = JSON.readTree(reply.body());
      page.get("value").forEach(entity -> entities.add(entity.toString()));
      next = page.has("odata.nextLink") ? URI.create(next).resolve(page.get("odata.nextLink").asText()).toString()
          : null;
    }
    return entities;
  }
}
