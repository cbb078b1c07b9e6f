package dev.spfemu.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.format.json.JsonEntityReader;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.OwnedEntity;
import dev.spfemu.vmm.world.EntityJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The entities the format, filter and store benchmarks work on, made by the production reader from
 * real payloads rather than written out here: the checkpoint of the seed exchange's 201 (14
 * properties, every one set) and the first VM of the demo world (134 properties), the kind of entity
 * whose size dominates a VM feed. Collections of them differ in their keys and spread over VMs as a
 * subscription's checkpoints do ({@link #CHECKPOINTS_PER_VM} per VM).
 */
@State(Scope.Benchmark)
public class Payloads {

  /** How many checkpoints each VM of a generated collection has. */
  public static final int CHECKPOINTS_PER_VM = 10;

  /** The JSON factory as the OData pipeline makes it. */
  public final JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  public final ServiceModel model = ModelLoader.loadDefault();
  public final EntityTypeModel checkpointType = model.byEntitySet("VMCheckPoints");
  public final EntityTypeModel vmType = model.byEntitySet("VirtualMachines");
  /** The URLs of a subscription's service, as a client of the emulator sees them. */
  public final ServiceUrls urls =
      new ServiceUrls("http://localhost:8090/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/");
  /** The seed request's body: a checkpoint create as clients send it. */
  public final byte[] seedRequest = resource("/fixtures/seed-request.json");
  /** A VM as a JSON light body (the demo world's first, as a world file holds it). */
  public final byte[] vmBody = firstDemoVm();

  private final JsonEntityReader reader = new JsonEntityReader(json);
  /** The checkpoint the seed exchange's response describes. */
  public final EntityRecord checkpoint = record(checkpointType, resource("/fixtures/seed-response.json"));
  public final EntityRecord vm = record(vmType, vmBody);

  /** {@code count} checkpoints like {@link #checkpoint}, with IDs 0.. over VMs {@code vmId(0)}... */
  public List<EntityRecord> checkpoints(int count) {
    int id = checkpointType.property("ID").index();
    int vmId = checkpointType.property("VMId").index();
    List<EntityRecord> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Object[] values = checkpoint.values();
      values[id] = new UUID(1, i);
      values[vmId] = vmId(i / CHECKPOINTS_PER_VM);
      all.add(keyed(checkpointType, values));
    }
    return all;
  }

  /** {@code count} VMs like {@link #vm}, with IDs {@code vmId(0)}... */
  public List<EntityRecord> vms(int count) {
    int id = vmType.property("ID").index();
    List<EntityRecord> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Object[] values = vm.values();
      values[id] = vmId(i);
      all.add(keyed(vmType, values));
    }
    return all;
  }

  /** The ID of the generated VM number {@code n}. */
  public static UUID vmId(int n) {
    return new UUID(2, n);
  }

  /** The records as the writers and the query see stored entities. */
  public static List<EntityValues> values(List<EntityRecord> records) {
    List<EntityValues> values = new ArrayList<>(records.size());
    for (EntityRecord record : records) {
      values.add(stored(record));
    }
    return values;
  }

  /** A record as the domain hands stored entities to the protocol side (which reads it as {@code StoredValues}). */
  public static EntityValues stored(EntityRecord record) {
    return new OwnedEntity("benchmark", record);
  }

  /** A record of {@code values}, keyed by its type's key properties, as the store keeps it. */
  public static EntityRecord keyed(EntityTypeModel type, Object[] values) {
    List<PropertyModel> keys = type.keys();
    Object[] key = new Object[keys.size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = values[keys.get(i).index()];
    }
    return new EntityRecord(EntityKey.of(key), values);
  }

  /** Read as a world file's entity is: collections never null, keyed by its key properties. */
  private EntityRecord record(EntityTypeModel type, byte[] body) {
    return new EntityJson() {
      @Override
      public EntityPayload read(byte[] json, EntityTypeModel entityType) {
        return reader.read(json, entityType);
      }

      @Override
      public void write(OutputStream out, EntityTypeModel entityType, EntityValues values) {
        throw new UnsupportedOperationException("only read");
      }
    }.readRecord(body, type);
  }

  private static byte[] firstDemoVm() {
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in = open("/dev/spfemu/world/demo-world.json")) {
      JsonNode vm = mapper.readTree(in).path("subscriptions").path(0).path("entities").path("VirtualMachines").path(0);
      if (!vm.isObject()) {
        throw new IllegalStateException("the demo world has no VM");
      }
      return mapper.writeValueAsBytes(vm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = Payloads.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the classpath (build target/benchmarks.jar with -Pjmh)");
    }
    return in;
  }
}
