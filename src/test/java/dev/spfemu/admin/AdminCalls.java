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

  static Request request(String method, String path) {
    return new Request(method, path, Map.of(), "");
  }

  static Request request(String method, String path, String body) {
    return new Request(method, path, Map.of(), body);
  }

  record Request(String method, String path, Map<String, String> parameters, String text) implements AdminRequest {
    Request withParameter(String name, String value) {
      Map<String, String> more = new HashMap<>(parameters);
      more.put(name, value);
      return new Request(method, path, more, text);
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
    int status;
    boolean json;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Response() {
      super(new JsonFactory());
    }

    @Override
    public void status(int status) {
      this.status = status;
    }

    @Override
    public OutputStream jsonBody(int status) {
      this.status = status;
      this.json = true;
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
