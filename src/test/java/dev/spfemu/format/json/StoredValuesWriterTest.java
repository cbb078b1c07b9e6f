package dev.spfemu.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.format.Entry;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.model.StoredValues;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.OwnedEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JSON light writer's path for stored entities (values read from their stored form, no objects)
 * writes what its general path writes from the values as objects, byte for byte: every entity type of
 * the model, every metadata level, values of every primitive kind the model uses in each of their
 * stored forms (GUIDs of the key and not, UTC times and times with an offset, before 1970 and in
 * years the formatter writes, Latin-1 and other strings, short and long, with chars JSON escapes),
 * nulls and secrets.
 */
class StoredValuesWriterTest {

  private static final ServiceModel MODEL = ModelLoader.loadDefault();
  private static final ServiceUrls URLS = new ServiceUrls("http://localhost:8090/sub/services/systemcenter/vmm/");

  private static final String[] STRINGS = {"", "Checkpoint 1", "café crème ÿ",
      "quote \" back \\ slash / tab \t nl \n",
      "\u0001 control", "Zürich – en dash", "名前 and 😀", "x".repeat(95), "é".repeat(96), "y".repeat(127),
      "z".repeat(128), "w".repeat(129), "long ".repeat(300)};
  private static final String[] TIMES = {"2014-08-28T14:19:48.8838623-07:00", "2026-12-02T01:02:03.0000001Z",
      "1969-12-31T23:59:59.9999999Z", "1601-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00",
      "9999-12-31T23:59:59.9999999-14:00", "2000-02-29T12:30:00.5+05:30", "2026-12-02T01:02:03Z"};
  private static final Map<EdmKind, String[]> TEXTS = Map.ofEntries(
      Map.entry(EdmKind.BOOLEAN, new String[] {"true", "false"}),
      Map.entry(EdmKind.BYTE, new String[] {"0", "255"}),
      Map.entry(EdmKind.SBYTE, new String[] {"-128", "7"}),
      Map.entry(EdmKind.INT16, new String[] {"-32768", "12"}),
      Map.entry(EdmKind.INT32, new String[] {"-7", "0", "2147483647"}),
      Map.entry(EdmKind.INT64, new String[] {"-5000000000", "9223372036854775807"}),
      Map.entry(EdmKind.DECIMAL, new String[] {"-1.25", "0"}),
      Map.entry(EdmKind.DOUBLE, new String[] {"-2.5", "1E+300"}),
      Map.entry(EdmKind.SINGLE, new String[] {"-2.5", "3"}),
      Map.entry(EdmKind.TIME, new String[] {"PT1H2M3S"}),
      Map.entry(EdmKind.BINARY, new String[] {"AQID"}),
      Map.entry(EdmKind.STRING, STRINGS),
      Map.entry(EdmKind.DATE_TIME, TIMES),
      Map.entry(EdmKind.DATE_TIME_OFFSET, TIMES));

  private final SplittableRandom random = new SplittableRandom(13);

  @ParameterizedTest
  @EnumSource(MetadataLevel.class)
  void everyTypeWritesTheSameFromItsStoredForm(MetadataLevel level) throws Exception {
    JsonLightWriter writer = new JsonLightWriter(new JsonFactory(), level);
    for (EntityTypeModel type : MODEL.entityTypes()) {
      List<EntityValues> stored = new ArrayList<>();
      List<EntityValues> objects = new ArrayList<>();
      for (int n = 0; n < 40; n++) {
        EntityRecord record = record(type, n);
        stored.add(new OwnedEntity("sub", record));
        objects.add(record::value);
      }
      String general = feed(writer, type, objects);
      assertEquals(general, feed(writer, type, stored), type.entitySet() + " at " + level);
      assertNotEquals(feed(writer, type, objects.subList(0, 1)), feed(writer, type, stored.subList(1, 2)));
      for (int n = 0; n < stored.size(); n++) {
        assertEquals(entry(writer, type, objects.get(n)), entry(writer, type, stored.get(n)), type.entitySet());
      }
    }
  }

  /**
   * The writer reads GUIDs, times and Latin-1 strings from the stored form: an entity whose
   * {@code value} refuses them is still written, as the entity that hands them out is.
   */
  @ParameterizedTest
  @EnumSource(MetadataLevel.class)
  void storedGuidsTimesAndLatin1StringsAreNotMadeIntoObjects(MetadataLevel level) throws Exception {
    JsonLightWriter writer = new JsonLightWriter(new JsonFactory(), level);
    EntityTypeModel type = MODEL.byEntitySet("VMCheckPoints");
    for (int n = 0; n < 5; n++) {
      EntityRecord record = record(type, n);
      OwnedEntity owned = new OwnedEntity("sub", record);
      // the entity as stored, but whose value() refuses what the stored form can give without objects
      StoredValues readOnlyStored = (StoredValues) Proxy.newProxyInstance(StoredValues.class.getClassLoader(),
          new Class<?>[] {StoredValues.class}, (proxy, method, arguments) -> {
            if (method.getName().equals("value") && refused(owned, type, level, (Integer) arguments[0])) {
              throw new AssertionError("value " + arguments[0] + " made into an object");
            }
            return method.invoke(owned, arguments);
          });
      assertEquals(entry(writer, type, record::value), entry(writer, type, readOnlyStored));
    }
  }

  /**
   * Whether the writer must read the value at {@code index} from the stored form only: at full metadata
   * the key's values are also taken as objects, for {@code odata.id} and the links.
   */
  private static boolean refused(OwnedEntity owned, EntityTypeModel type, MetadataLevel level, int index) {
    boolean stored = owned.guid(index, new long[2]) || owned.time(index, new long[3])
        || owned.latin1(index, new char[128]) >= 0;
    return stored && (level != MetadataLevel.FULL || type.keys().stream().noneMatch(key -> key.index() == index));
  }

  /** The pre-encoded property names ({@link EntityTypeModel#jsonName}) are written as the names themselves are. */
  @Test
  void preEncodedNamesAreWrittenAsTheirText() throws IOException {
    JsonFactory json = new JsonFactory();
    for (EntityTypeModel type : MODEL.entityTypes()) {
      for (PropertyModel property : type.properties()) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(text); JsonGenerator e = json.createGenerator(encoded)) {
          g.writeStartObject();
          g.writeFieldName(property.name());
          g.writeNull();
          e.writeStartObject();
          e.writeFieldName(type.jsonName(property));
          e.writeNull();
        }
        assertEquals(text.toString(StandardCharsets.UTF_8), encoded.toString(StandardCharsets.UTF_8));
      }
    }
  }

  /** The n-th entity of a type: its keys GUIDs (or strings), each value a sample of its kind, or null. */
  private EntityRecord record(EntityTypeModel type, int n) throws ValueFormatException {
    Object[] values = new Object[type.properties().size()];
    for (PropertyModel property : type.properties()) {
      values[property.index()] = sample(property, n);
    }
    Object[] key = new Object[type.keys().size()];
    for (int k = 0; k < key.length; k++) {
      PropertyModel property = type.keys().get(k);
      if (values[property.index()] == null) {
        values[property.index()] = property.kind() == EdmKind.GUID ? UUID.randomUUID() : "key " + n;
      }
      key[k] = values[property.index()];
    }
    if (n % 3 == 0) { // a GUID value equal to one of the key's: stored as a reference to the key
      for (PropertyModel property : type.properties()) {
        if (property.kind() == EdmKind.GUID && property.isPrimitive() && !type.keys().contains(property)) {
          values[property.index()] = key[0];
          break;
        }
      }
    }
    return new EntityRecord(EntityKey.of(key), values);
  }

  private Object sample(PropertyModel property, int n) throws ValueFormatException {
    if (!property.isPrimitive() || n % 5 == 4) {
      return null; // complex values and collections are never read from the stored form
    }
    if (property.kind() == EdmKind.GUID) {
      return new UUID(random.nextLong(), random.nextLong());
    }
    String[] texts = TEXTS.get(property.kind());
    return PrimitiveCodecs.of(property.kind()).parseText(texts[(n + property.index()) % texts.length]);
  }

  private static String feed(JsonLightWriter writer, EntityTypeModel type, List<EntityValues> entities)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeFeed(out, URLS, type, FeedPage.of(type, entities, ProtocolVersion.V3));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String entry(JsonLightWriter writer, EntityTypeModel type, EntityValues entity) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeEntry(out, URLS, type, Entry.of(entity));
    return out.toString(StandardCharsets.UTF_8);
  }
}
