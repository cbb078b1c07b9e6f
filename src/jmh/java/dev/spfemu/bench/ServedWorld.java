package dev.spfemu.bench;

import dev.spfemu.SpfEmulator;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An emulator serving a world that a benchmark writes into a temporary world file, and a client that
 * sends it requests one at a time: what the end-to-end benchmarks share.
 */
final class ServedWorld implements AutoCloseable {

  /** Writes a world file's JSON. */
  interface Contents {
    void write(Writer out) throws IOException;
  }

  private final Path file;
  private final SpfEmulator spf;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Serves the world {@code contents} write, with server-driven paging at {@code pageSize}. */
  ServedWorld(Contents contents, int pageSize) throws IOException {
    file = Files.createTempFile("benchmark-world", ".json");
    try (Writer out = Files.newBufferedWriter(file)) {
      contents.write(out);
    }
    spf = SpfEmulator.builder().dynamicPort().seedFile(file).pageSize(pageSize).journalSize(0).start();
  }

  /** A GET of {@code path} under the subscription's service root, asking for {@code accept}. */
  HttpRequest get(String subscription, String path, String accept) {
    return HttpRequest.newBuilder(URI.create(spf.serviceRoot(subscription) + path)).header("Accept", accept).GET()
        .build();
  }

  /** Sends the request and answers the length of the body; anything but 200 is an error. */
  int send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    return response.body().length;
  }

  @Override
  public void close() throws IOException {
    spf.close();
    Files.deleteIfExists(file);
  }
}
