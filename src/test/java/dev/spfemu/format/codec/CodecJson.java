package dev.spfemu.format.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;

/** Runs a codec against JSON text: reading from a parser on the value token, writing to a string. */
final class CodecJson {

  private CodecJson() {
  }

  static Object read(PrimitiveCodec codec, String json) throws IOException, ValueFormatException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      parser.nextToken();
      return codec.readJson(parser);
    }
  }

  static String write(PrimitiveCodec codec, Object value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      codec.writeJson(generator, value);
    }
    return out.toString();
  }

  static String writeVerbose(PrimitiveCodec codec, Object value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      codec.writeVerboseJson(generator, value);
    }
    return out.toString();
  }
}
