package dev.spfemu.persist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How changes are written in a log record or a snapshot: lines of JSON. The first line is a header (GUIDs
 * drawn, the clock when it changed, sequences); then each change is a line naming it
 * ({@code {"s":service,"sub":…,"set":…,"seq":n}}, with {@code "k":[key values]} for a removal), followed,
 * unless removed, by a line holding the entity exactly as a world file holds it. Entity lines come from the
 * world format's writer, which escapes every line break, so a line is always one JSON document.
 */
final class ChangeCodec {

  private final JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private final ObjectMapper mapper = new ObjectMapper(json);
  private final Map<String, KeptService> services;

  /** Told of what a record or snapshot holds, in order. */
  interface Reader {
    void header(JsonNode header);

    void change(Change change);
  }

  ChangeCodec(Map<String, KeptService> services) {
    this.services = services;
  }

  /**
   * Each entity's last change in a unit (a create that the same request updates, a VM whose task id moves
   * twice): the record holds after-images, so the earlier ones add nothing.
   */
  static Collection<Change> netOf(List<Change> changes) {
    if (changes.size() == 1) {
      return changes;
    }
    Map<List<Object>, Change> last = new LinkedHashMap<>();
    for (Change change : changes) {
      List<Object> entity = List.of(change.service().name(), change.subscription(), change.entitySet(), change.key());
      last.remove(entity);
      last.put(entity, change);
    }
    return last.values();
  }

  void writeHeader(OutputStream out, Map<String, Object> header) throws IOException {
    mapper.writeValue(out, header);
    out.write('\n');
  }

  void writeChange(OutputStream out, Change change) throws IOException {
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("s", change.service().name());
      g.writeStringField("sub", change.subscription());
      g.writeStringField("set", change.entitySet());
      g.writeNumberField("seq", change.sequence());
      if (change.after() == null) {
        g.writeArrayFieldStart("k");
        for (int i = 0; i < change.key().size(); i++) {
          g.writeString(change.key().value(i).toString()); // the models' keys are GUIDs and strings only
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    out.write('\n');
    if (change.after() != null) {
      EntityTypeModel type = change.service().model().byEntitySet(change.entitySet());
      change.service().json().write(out, type, change.after()::value);
      out.write('\n');
    }
  }

  /**
   * Reads a record or snapshot back.
   *
   * @throws IllegalStateException when a line is not what this codec writes (damage the checksum missed,
   *     or a file of another version)
   */
  void read(InputStream in, Reader reader) throws IOException {
    Lines lines = new Lines(in);
    byte[] header = lines.next();
    if (header == null) {
      throw new IllegalStateException("a record without its header line");
    }
    reader.header(mapper.readTree(header));
    for (byte[] line = lines.next(); line != null; line = lines.next()) {
      Named named = named(line);
      KeptService service = services.get(named.service);
      EntityTypeModel type = service == null ? null : service.model().byEntitySet(named.entitySet);
      if (type == null) {
        throw new IllegalStateException("a change of an unknown service or entity set: "
            + new String(line, StandardCharsets.UTF_8));
      }
      if (named.key != null) {
        reader.change(new Change(service, named.subscription, type.entitySet(), key(type, named.key), null,
            named.sequence));
      } else {
        byte[] entity = lines.next();
        if (entity == null) {
          throw new IllegalStateException("a change without its entity: " + new String(line, StandardCharsets.UTF_8));
        }
        EntityRecord after = service.json().readRecord(entity, type); // as a world file's entity is read
        reader.change(new Change(service, named.subscription, type.entitySet(), after.key(), after, named.sequence));
      }
    }
  }

  /** What a change's name line says: service, subscription, set, sequence, and the key of a removal. */
  private static final class Named {
    private String service;
    private String subscription;
    private String entitySet;
    private long sequence;
    private List<String> key;
  }

  /** Reads a name line with the streaming parser (a start replays millions of them). */
  private Named named(byte[] line) throws IOException {
    Named named = new Named();
    try (JsonParser parser = json.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("a change's name line that is not an object");
      }
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        switch (field) {
          case "s" -> named.service = parser.getText();
          case "sub" -> named.subscription = parser.getText();
          case "set" -> named.entitySet = parser.getText();
          case "seq" -> named.sequence = parser.getLongValue();
          case "k" -> {
            named.key = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
              named.key.add(parser.getText());
            }
          }
          default -> parser.skipChildren(); // a field a later version adds
        }
        if (value == null) {
          break;
        }
      }
    }
    return named;
  }

  private static EntityKey key(EntityTypeModel type, List<String> values) {
    List<PropertyModel> keys = type.keys();
    Object[] key = new Object[keys.size()];
    for (int i = 0; i < key.length; i++) {
      String text = values.get(i);
      key[i] = keys.get(i).kind() == dev.spfemu.model.EdmKind.GUID ? UUID.fromString(text) : text;
    }
    return EntityKey.of(key);
  }




  /** Lines of a stream, read in blocks (a snapshot of a million entities is two million lines). */
  private static final class Lines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    Lines(InputStream in) {
      this.in = in;
    }

    /** The next line without its line break, or null at the end. */
    byte[] next() throws IOException {
      int scanned = start;
      while (true) {
        for (int i = scanned; i < end; i++) {
          if (buffer[i] == '\n') {
            byte[] line = Arrays.copyOfRange(buffer, start, i);
            start = i + 1;
            return line;
          }
        }
        scanned = end - start;
        if (start > 0) { // keep the partial line at the front
          System.arraycopy(buffer, start, buffer, 0, end - start);
          end -= start;
          start = 0;
        }
        if (end == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
          if (start == end) {
            return null;
          }
          byte[] last = Arrays.copyOfRange(buffer, start, end);
          start = end;
          return last;
        }
        end += read;
      }
    }
  }

}
