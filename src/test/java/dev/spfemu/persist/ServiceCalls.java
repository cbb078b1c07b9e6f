package dev.spfemu.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.http.DemoWorld;
import dev.spfemu.http.RestRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON-light calls to the demo subscription of an emulator in a child JVM, over the JDK's HttpClient: the
 * client whose failures tell an unanswered request (an {@link IOException}) from an answered one.
 */
final class ServiceCalls {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A guard against a hung emulator, not a timing assertion: no request of these tests takes seconds. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private final String root;

  /** @param baseUrl the emulator's {@code http://HOST:PORT/} */
  ServiceCalls(String baseUrl) {
    this.root = baseUrl + DemoWorld.SUBSCRIPTION + "/services/systemcenter/vmm/";
  }

  /** {@code method} on {@code path} (below the service root) with a JSON-light {@code body}, or none if null. */
  HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
        .header("DataServiceVersion", "3.0;NetFx")
        .header("MaxDataServiceVersion", "3.0;NetFx")
        .header("Accept", RestRequests.JSON_LIGHT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", RestRequests.JSON_LIGHT);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every entity of a collection ({@code set} and query), following next links. */
  List<JsonNode> feed(String setAndQuery) throws IOException, InterruptedException {
    List<JsonNode> entities = new ArrayList<>();
    String next = root + setAndQuery;
    while (next != null) {
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(next)).timeout(TIMEOUT)
          .header("Accept", RestRequests.JSON_LIGHT).build(), HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() != 200) {
        throw new AssertionError("GET " + next + " answered " + page.statusCode() + ": " + page.body());
      }
      JsonNode body = json(page.body());
      body.get("value").forEach(entities::add);
      next = body.hasNonNull("odata.nextLink")
          ? URI.create(root).resolve(body.get("odata.nextLink").asText()).toString() : null;
    }
    return entities;
  }

  /** The path of an entity of {@code set} on the demo stamp, below the service root. */
  static String key(String set, String id) {
    return set + "(ID=guid'" + id + "',StampId=guid'" + DemoWorld.STAMP + "')";
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A property's text, or null when it is null or missing. */
  static String text(JsonNode entity, String property) {
    JsonNode value = entity.get(property);
    return value == null || value.isNull() ? null : value.asText();
  }
}
