package dev.spfemu.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a task writes its answer. The admin API answers with a status alone (204: done) or with a
 * JSON document, errors being {@code {"error": "..."}}. The server implements the two primitives;
 * the JSON helpers live here so that every task writes the same shapes with the same generator.
 */
public abstract class AdminResponse {

  private final JsonFactory json;

  /** @param json the factory of the generators the tasks write with (one per emulator, not per call) */
  protected AdminResponse(JsonFactory json) {
    this.json = json;
  }

  /** Adds a response header; call it before the status or body. */
  public abstract void header(String name, String value);

  /** Answers {@code status} with no body. */
  public abstract void status(int status);

  /** Answers {@code status} with a body of {@code contentType} written to the stream returned; closing it ends the answer. */
  public abstract OutputStream body(int status, String contentType) throws IOException;

  /** Answers {@code status} with a JSON document written to the stream returned; closing it ends the answer. */
  public final OutputStream jsonBody(int status) throws IOException {
    return body(status, "application/json;charset=utf-8");
  }

  /** Answers {@code status} with a JSON document written through the generator returned; closing it ends the answer. */
  public final JsonGenerator json(int status) throws IOException {
    return json.createGenerator(jsonBody(status));
  }

  /** Answers {@code status} with the object {@code {"name": value}} ({@code null} for a null value). */
  public final void field(int status, String name, String value) throws IOException {
    try (JsonGenerator g = json(status)) {
      g.writeStartObject();
      g.writeStringField(name, value);
      g.writeEndObject();
    }
  }

  /** Answers {@code status} with {@code {"error": message}}. */
  public final void error(int status, String message) throws IOException {
    field(status, "error", message);
  }
}
