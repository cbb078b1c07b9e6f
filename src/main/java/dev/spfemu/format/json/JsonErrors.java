package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.error.ServiceException;
import java.io.IOException;
import java.io.OutputStream;

/** The OData JSON error body, shared by both JSON dialects, which differ only in the wrapper's name. */
final class JsonErrors {

  private JsonErrors() {
  }

  /** Writes {@code {"<wrapper>":{"code":…,"message":{"lang":"en-US","value":…}}}}. */
  static void write(JsonFactory factory, OutputStream out, String wrapper, ServiceException error) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart(wrapper);
      g.writeStringField("code", error.code());
      g.writeObjectFieldStart("message");
      g.writeStringField("lang", "en-US");
      g.writeStringField("value", error.getMessage());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
