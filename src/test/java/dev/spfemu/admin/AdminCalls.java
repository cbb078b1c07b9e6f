package dev.spfemu.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Admin calls and answers as plain objects: what the server's adapter would pass a task. */
final class AdminCalls {

  private AdminCalls() {
  }

  /** A call from this machine, with no body. */
  static Request request(String method, String path) {
    return new Request(method, path, Map.of(), "", Map.of(), "127.0.0.1");
  }

  /** A call from this machine with a JSON body. */
  static Request request(String method, String path, String body) {
    return new Request(method, path, Map.of(), body, Map.of("content-type", "application/json"), "127.0.0.1");
  }

  /** Headers are kept by lower-case name. */
  record Request(String method, String path, Map<String, String> parameters, String text,
      Map<String, String> headers, String remoteAddress) implements AdminRequest {
    Request withParameter(String name, String value) {
      Map<String, String> more = new HashMap<>(parameters);
      more.put(name, value);
      return new Request(method, path, more, text, headers, remoteAddress);
    }

    /** The same call with this header (null: without it). */
    Request withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.remove(name.toLowerCase(java.util.Locale.ROOT));
      if (value != null) {
        more.put(name.toLowerCase(java.util.Locale.ROOT), value);
      }
      return new Request(method, path, parameters, text, more, remoteAddress);
    }

    Request from(String address) {
      return new Request(method, path, parameters, text, headers, address);
    }

    @Override
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String scheme() {
      return "http";
    }

    @Override
    public boolean hasBody() {
      return !text.isEmpty();
    }

    @Override
    public String parameter(String name) {
      return parameters.get(name);
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An answer kept in memory: its status, whether it had a JSON body, and the body. */
  static final class Response extends AdminResponse {
    final Map<String, String> headers = new HashMap<>();
    int status;
    boolean json;
    String contentType;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Response() {
      super(new JsonFactory());
    }

    @Override
    public void header(String name, String value) {
      headers.put(name, value);
    }

    @Override
    public void status(int status) {
      this.status = status;
    }

    @Override
    public OutputStream body(int status, String contentType) {
      this.status = status;
      this.json = contentType.startsWith("application/json");
      this.contentType = contentType;
      return body;
    }

    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }

    JsonNode tree() {
      try {
        return new ObjectMapper().readTree(text());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
