package dev.spfemu.vmm.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spfemu.SettableClock;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.Vmm;
import dev.spfemu.vmm.spfadmin.SpfAdmin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes the demo world (docs/scenario.md) through the domain's rules: loads the fabric
 * ({@code demo-fabric.json}: clouds, roles, profiles, templates with their disks and adapters,
 * networks, subnets, pools, the Admin service's stamps and tenants), then creates each VM of
 * {@code demo-vms.json} through {@link Vmm} at its time on a fixed clock, runs its checkpoints and
 * operations, and exports the world. What the domain makes gets fresh IDs from a seeded generator;
 * the IDs the spec fixes replace them in the export, so the demo world's IDs stay stable whatever
 * new rules make. {@link DemoWorldGeneratorTest} checks that the committed demo world is this output;
 * {@code mvn -q -B test -Dtest=DemoWorldGeneratorTest -Ddemo.regenerate=true} (or this class's
 * {@code main}) writes it.
 */
public final class DemoWorldGenerator {

  static final Path DEMO_WORLD = Path.of("src/main/resources/dev/spfemu/world/demo-world.json");
  private static final String FABRIC = "/dev/spfemu/world/demo-fabric.json";
  private static final String VMS = "/dev/spfemu/world/demo-vms.json";

  private final ObjectMapper mapper = new ObjectMapper();
  private final ServiceModel model = ModelLoader.loadDefault();
  private final WorldEntityJson json = new WorldEntityJson();
  /** Every ID the domain was given, in order, so that what one VM's steps made can be told apart. */
  private final List<UUID> issued = new ArrayList<>();
  /** Generated ID → the fixed one the spec gives it. */
  private final Map<String, String> fixed = new LinkedHashMap<>();

  /** Writes the demo world to {@code src/main/resources} (run from the project directory). */
  public static void main(String[] args) throws IOException {
    Files.writeString(DEMO_WORLD, new DemoWorldGenerator().generate(), StandardCharsets.UTF_8);
  }

  /** The demo world as the domain makes it today. */
  public String generate() throws IOException {
    JsonNode spec = mapper.readTree(resource(VMS));
    IdGenerator seeded = IdGenerator.seeded(spec.path("idSeed").asLong());
    IdGenerator ids = () -> {
      UUID id = seeded.next();
      issued.add(id);
      return id;
    };
    SettableClock clock = SettableClock.fixedAt(Instant.parse(spec.path("vms").get(0).path("at").asText()));
    try (Vmm vmm = Vmm.create(model, new InMemoryEntityStore(), ids, clock, Duration.ZERO, json)) {
      SpfAdmin admin = SpfAdmin.create(ModelLoader.loadResource(ModelLoader.ADMIN_RESOURCE), new InMemoryEntityStore(),
          ids, clock, vmm, json);
      byte[] fabric = resource(FABRIC);
      vmm.loadWorld(new ByteArrayInputStream(fabric), "demo-fabric.json", null);
      admin.loadWorld(new ByteArrayInputStream(fabric), "demo-fabric.json");
      for (JsonNode vm : spec.path("vms")) {
        makeVm(vmm, clock, vm);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      vmm.exportWorld(out, List.of(admin.worldSection()));
      String world = out.toString(StandardCharsets.UTF_8);
      for (Map.Entry<String, String> id : fixed.entrySet()) {
        world = world.replace(id.getKey(), id.getValue());
      }
      return readable(world);
    }
  }

  /**
   * The export, one property a line and without nulls (a property left out of a world file is null),
   * so that a regenerated world reads and diffs well.
   */
  private String readable(String world) throws IOException {
    JsonNode tree = mapper.readTree(world);
    dropNulls(tree);
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
  }

  private static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(property -> property.getValue().isNull());
    }
    node.forEach(DemoWorldGenerator::dropNulls);
  }

  /** Creates one VM, runs its steps, adds what no rule makes yet, and notes the fixed IDs of what it made. */
  private void makeVm(Vmm vmm, SettableClock clock, JsonNode spec) throws IOException {
    String subscription = spec.path("subscription").asText();
    int first = issued.size();
    clock.fix(Instant.parse(spec.path("at").asText()));
    EntityRecord vm = vmm.set("VirtualMachines").create(subscription, payload("VirtualMachines", spec.path("create")),
        false).entity();
    for (JsonNode step : spec.path("then")) {
      clock.fix(Instant.parse(step.path("at").asText()));
      if (step.has("checkpoint")) {
        vmm.set("VMCheckPoints").create(subscription, payload("VMCheckPoints", step.path("checkpoint")), false);
      }
      if (step.has("operation")) {
        EntityPayload operation = new EntityPayload(model.byEntitySet("VirtualMachines"));
        operation.put(operation.type().property("Operation"), step.path("operation").asText());
        vmm.set("VirtualMachines").update(subscription, vm.key(), operation, false);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> supplements = spec.path("untilTheDomainMakesThem").fields();
    while (supplements.hasNext()) {
      Map.Entry<String, JsonNode> set = supplements.next();
      if (partsOf(vmm, subscription, set.getKey(), vm.key().value(0)).isEmpty()) {
        for (JsonNode entity : set.getValue()) {
          vmm.set(set.getKey()).create(subscription, payload(set.getKey(), entity), false);
        }
      }
    }
    Map<UUID, Integer> made = new HashMap<>();
    for (int i = first; i < issued.size(); i++) {
      made.put(issued.get(i), i);
    }
    Iterator<Map.Entry<String, JsonNode>> ids = spec.path("ids").fields();
    while (ids.hasNext()) {
      Map.Entry<String, JsonNode> entry = ids.next();
      fix(vmm, subscription, entry.getKey(), entry.getValue(), made);
    }
  }

  /**
   * Maps the IDs the domain generated for {@code target} ("Set" for the key's ID, "Set.Property" for
   * another generated GUID) during one VM's steps, in the order they were generated, to the spec's.
   */
  private void fix(Vmm vmm, String subscription, String target, JsonNode wanted, Map<UUID, Integer> made) {
    String set = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
    EntityTypeModel type = model.byEntitySet(set);
    int position = target.contains(".") ? type.property(target.substring(set.length() + 1)).index()
        : type.property("ID").index();
    List<UUID> generated = vmm.set(set).list(subscription).stream()
        .map(entity -> (UUID) entity.value(position))
        .filter(made::containsKey)
        .sorted(Comparator.comparing(made::get))
        .toList();
    for (int i = 0; i < Math.min(generated.size(), wanted.size()); i++) {
      fixed.put(generated.get(i).toString(), wanted.get(i).asText());
    }
  }

  private List<EntityRecord> partsOf(Vmm vmm, String subscription, String set, Object vmId) {
    int position = model.byEntitySet(set).property("VMId").index();
    return vmm.set(set).list(subscription).stream().filter(e -> vmId.equals(e.value(position))).toList();
  }

  private EntityPayload payload(String set, JsonNode body) throws IOException {
    return json.read(mapper.writeValueAsBytes(body), model.byEntitySet(set));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DemoWorldGenerator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
