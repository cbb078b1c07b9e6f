package dev.spfemu.vmm.world;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the live page draws (docs/demo.md, "What the page reads"): per subscription the sets a
 * presenter points at, each entity as a world file writes it, every list cut to what a page can
 * show, with the full counts beside, so the document stays small however large the world is. A
 * VM's adapters and checkpoints are those of the VMs listed; jobs are the newest.
 */
public final class WorldOverview {

  /** The most subscriptions, VMs, checkpoints and jobs listed; other sets list at most {@link #OTHERS}. */
  public static final int SUBSCRIPTIONS = 20;
  public static final int VMS = 200;
  public static final int CHECKPOINTS = 1000;
  public static final int JOBS = 20;
  public static final int OTHERS = 100;
  private static final List<String> BY_NAME = List.of("Clouds", "UserRoles", "QuotaAndUsageComponents",
      "VMTemplates");

  private final ServiceModel model;
  private final EntityStore store;
  private final JsonFactory json;
  private final EntityJson entities;
  private final CurrentCheckpoint current;

  public WorldOverview(ServiceModel model, EntityStore store, JsonFactory json, EntityJson entities,
      CurrentCheckpoint current) {
    this.model = model;
    this.store = store;
    this.json = json;
    this.entities = entities;
    this.current = current;
  }

  /** Writes the overview, {@code now} being the emulator clock's time. */
  public void write(OutputStream out, OffsetDateTime now) throws IOException {
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", now.toInstant().toString());
      g.writeArrayFieldStart("subscriptions");
      for (String subscription : store.subscriptions().stream().sorted().limit(SUBSCRIPTIONS).toList()) {
        writeSubscription(g, subscription);
      }
      g.writeEndArray();
      g.writeNumberField("subscriptionCount", store.subscriptions().size());
      g.writeEndObject();
    }
  }

  private void writeSubscription(JsonGenerator g, String subscription) throws IOException {
    Map<String, List<EntityRecord>> listed = new LinkedHashMap<>();
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (String set : BY_NAME) {
      List<EntityRecord> all = store.list(subscription, set);
      totals.put(set, all.size());
      listed.put(set, sorted(all, set, "Name", false, OTHERS));
    }
    List<EntityRecord> vms = store.list(subscription, "VirtualMachines");
    totals.put("VirtualMachines", vms.size());
    List<EntityRecord> shownVms = sorted(vms, "VirtualMachines", "Name", false, VMS);
    listed.put("VirtualMachines", shownVms);
    Set<Object> vmIds = new HashSet<>();
    int vmId = type("VirtualMachines").property("ID").index();
    shownVms.forEach(vm -> vmIds.add(vm.value(vmId)));
    listed.put("VirtualNetworkAdapters", ofVms(subscription, "VirtualNetworkAdapters", vmIds, 2 * VMS, totals));
    List<EntityRecord> checkpoints = ofVms(subscription, "VMCheckPoints", vmIds, CHECKPOINTS, totals);
    listed.put("VMCheckPoints", checkpoints);
    List<EntityRecord> jobs = store.list(subscription, "Jobs");
    totals.put("Jobs", jobs.size());
    listed.put("Jobs", sorted(jobs, "Jobs", "StartTime", true, JOBS));

    g.writeStartObject();
    g.writeStringField("id", subscription);
    g.writeObjectFieldStart("entities");
    for (Map.Entry<String, List<EntityRecord>> set : listed.entrySet()) {
      writeSet(g, set.getKey(), set.getValue());
    }
    g.writeEndObject();
    writeCurrentCheckpoints(g, subscription, shownVms, checkpoints, vmId);
    g.writeObjectFieldStart("totals");
    for (Map.Entry<String, Integer> total : totals.entrySet()) {
      g.writeNumberField(total.getKey(), total.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** The entities of {@code set} whose {@code VMId} is one of {@code vmIds}, at most {@code limit}. */
  private List<EntityRecord> ofVms(String subscription, String set, Set<Object> vmIds, int limit,
      Map<String, Integer> totals) {
    List<EntityRecord> all = store.list(subscription, set);
    totals.put(set, all.size());
    int vm = type(set).property("VMId").index();
    List<EntityRecord> of = new ArrayList<>();
    for (EntityRecord record : all) {
      if (vmIds.contains(record.value(vm))) {
        of.add(record);
      }
    }
    return sorted(of, set, "Name", false, limit); // the first by name, not the first found
  }

  /**
   * The first {@code limit} of {@code records} by {@code property} (nulls last; newest first when
   * {@code descending}), then by key; by key alone in a set without that property.
   */
  private List<EntityRecord> sorted(List<EntityRecord> records, String set, String property, boolean descending,
      int limit) {
    PropertyModel sortedBy = type(set).property(property);
    if (sortedBy == null) {
      return records.stream().sorted(Comparator.comparing(r -> r.key().toString())).limit(limit).toList();
    }
    int index = sortedBy.index();
    Comparator<Comparable<Object>> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    @SuppressWarnings("unchecked")
    Comparator<EntityRecord> byValue = Comparator.comparing(r -> (Comparable<Object>) r.value(index),
        Comparator.nullsLast(order));
    return records.stream().sorted(byValue.thenComparing(r -> r.key().toString())).limit(limit).toList();
  }

  private void writeSet(JsonGenerator g, String set, List<EntityRecord> records) throws IOException {
    EntityTypeModel type = type(set);
    g.writeArrayFieldStart(set);
    for (EntityRecord record : records) {
      ByteArrayOutputStream entity = new ByteArrayOutputStream();
      entities.write(entity, type, record::value);
      g.writeRawValue(entity.toString(StandardCharsets.UTF_8));
    }
    g.writeEndArray();
  }

  /** Each listed VM's current checkpoint ({@code CheckpointID}), for those that have one. */
  private void writeCurrentCheckpoints(JsonGenerator g, String subscription, List<EntityRecord> vms,
      List<EntityRecord> checkpoints, int vmId) throws IOException {
    g.writeObjectFieldStart("currentCheckpoints");
    int checkpointVm = type("VMCheckPoints").property("VMId").index();
    Set<Object> withCheckpoints = new HashSet<>();
    checkpoints.forEach(checkpoint -> withCheckpoints.add(checkpoint.value(checkpointVm)));
    for (EntityRecord vm : vms) {
      Object id = vm.value(vmId);
      if (withCheckpoints.contains(id)) {
        UUID currentId = current.of(subscription, vm::value, checkpoints);
        if (currentId != null) {
          g.writeStringField(String.valueOf(id), currentId.toString());
        }
      }
    }
    g.writeEndObject();
  }

  private EntityTypeModel type(String set) {
    return model.byEntitySet(set);
  }

  /** A VM's current checkpoint, found among candidates that hold at least its checkpoints. */
  @FunctionalInterface
  public interface CurrentCheckpoint {
    UUID of(String subscription, EntityValues vm, List<EntityRecord> candidates);
  }
}
