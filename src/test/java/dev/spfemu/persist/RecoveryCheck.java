package dev.spfemu.persist;

import static dev.spfemu.persist.ServiceCalls.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.http.DemoWorld;
import dev.spfemu.persist.Ledger.Entity;
import dev.spfemu.persist.Ledger.Kind;
import dev.spfemu.persist.Ledger.Op;
import dev.spfemu.persist.Ledger.Slot;
import dev.spfemu.persist.Ledger.Verb;
import dev.spfemu.vmm.job.JobScheduler;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an emulator restarted after a kill must show, given the ledger of what its predecessor acknowledged:
 * every acknowledged create, update and delete; each request that was in flight wholly or not at all (found
 * out here, and written into the ledger for the next cycle); no half-made VM, checkpoint or job; no duplicate
 * ID; quota usage that adds up. Each problem is one line naming the entity and what was expected.
 */
final class RecoveryCheck {

  /** What a VM made from the demo template has besides itself, each naming it by VMId. */
  private static final List<String> VM_PARTS = List.of("VirtualHardDisks", "VirtualDiskDrives", "VirtualDVDDrives",
      "VirtualNetworkAdapters");
  private static final List<String> DEMO_CHECKPOINTS = List.of("00000000-0000-4000-8000-000000000751",
      "00000000-0000-4000-8000-000000000752");
  private static final BigInteger GIB = BigInteger.ONE.shiftLeft(30);

  private final Map<String, List<JsonNode>> sets = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private RecoveryCheck() {
  }

  /** Reads every set the checks look at. */
  static RecoveryCheck read(ServiceCalls calls) throws IOException, InterruptedException {
    RecoveryCheck check = new RecoveryCheck();
    for (Kind kind : Kind.values()) {
      check.sets.put(kind.set, calls.feed(kind.set));
    }
    for (String part : VM_PARTS) {
      check.sets.put(part, calls.feed(part));
    }
    check.sets.put("Jobs", calls.feed("Jobs?$select=ID,CmdletName,StartTime"));
    check.sets.put("QuotaAndUsageComponents", calls.feed("QuotaAndUsageComponents"));
    return check;
  }

  /** IDs that more than one set holds (the demo world's template adapters and disks share some). */
  Set<String> sharedIds() {
    Set<String> shared = new HashSet<>();
    occurrences().forEach((id, where) -> {
      if (where.size() > 1) {
        shared.add(id);
      }
    });
    return shared;
  }

  /**
   * Checks the world against the ledger, after settling in the ledger what the requests in flight did.
   *
   * @param since when this cycle's load started: the jobs started since are this cycle's
   * @param sharedAtStart IDs that were in more than one set from the start
   * @return the problems, none if all is well
   */
  List<String> check(Ledger ledger, Instant since, Set<String> sharedAtStart) {
    for (Slot slot : ledger.slots()) {
      settle(slot);
    }
    unexpected(ledger);
    demoWorld();
    checkpoints();
    machines(ledger);
    quotas();
    duplicates(sharedAtStart);
    jobs(ledger, since);
    return problems;
  }

  /** Settles each in-flight request by what the world shows; checks every acknowledged fact. */
  private void settle(Slot slot) {
    for (Entity entity : List.copyOf(slot.live)) {
      Op op = entity.inFlight;
      entity.inFlight = null;
      if (op != null && op.verb == Verb.CREATE) {
        JsonNode found = byName(entity);
        op.applied = found != null;
        if (found == null) {
          slot.live.remove(entity);
          continue;
        }
        entity.id = text(found, "ID");
        entity.description = text(found, "Description");
      }
      JsonNode found = byId(entity);
      if (op != null && op.verb == Verb.DELETE) {
        op.applied = found == null;
        if (found == null) {
          slot.live.remove(entity);
          slot.gone.add(entity);
          continue;
        }
      }
      if (found == null) {
        problems.add(entity + " is missing; its create was acknowledged and no delete of it was sent"
            + (op == null ? "" : " (an " + op.verb + " was in flight)"));
        continue;
      }
      String description = text(found, "Description");
      if (op != null && op.verb == Verb.UPDATE && Objects.equals(description, op.description)) {
        op.applied = true;
        entity.description = description;
      } else if (!Objects.equals(description, entity.description)) {
        problems.add(entity + " has Description '" + description + "', not the acknowledged '" + entity.description
            + "'" + (op != null && op.verb == Verb.UPDATE ? " nor the in-flight '" + op.description + "'" : ""));
      }
    }
    for (Entity entity : slot.gone) {
      if (byId(entity) != null) {
        problems.add(entity + " is back; its delete was acknowledged");
      }
    }
  }

  /** Entities of the load that no acknowledged or in-flight create made (a create applied twice, say). */
  private void unexpected(Ledger ledger) {
    Set<String> known = new HashSet<>();
    ledger.live().forEach(entity -> known.add(entity.name));
    ledger.gone().forEach(entity -> known.add(entity.name));
    for (Kind kind : Kind.values()) {
      Map<String, Integer> names = new HashMap<>();
      for (JsonNode entity : sets.get(kind.set)) {
        String name = String.valueOf(text(entity, "Name"));
        names.merge(name, 1, Integer::sum);
        if (name.startsWith("crash-") && !known.contains(name)) {
          problems.add(kind.set + " '" + name + "' (ID " + text(entity, "ID") + ") is there, but its create was "
              + "refused or never sent");
        }
      }
      names.forEach((name, count) -> {
        if (count > 1 && name.startsWith("crash-")) {
          problems.add(count + " " + kind.set + " are named '" + name + "'; one create was sent");
        }
      });
    }
  }

  private void demoWorld() {
    for (String vm : List.of(DemoWorld.VM, DemoWorld.OTHER_VM)) {
      expect(find("VirtualMachines", "ID", vm).size() == 1, "the demo world's VM " + vm + " is missing");
    }
    for (String checkpoint : DEMO_CHECKPOINTS) {
      expect(find("VMCheckPoints", "ID", checkpoint).size() == 1, "the demo world's checkpoint " + checkpoint
          + " is missing");
    }
  }

  /** A checkpoint is made with its job, which gives it its CheckpointID: one without is half a unit. */
  private void checkpoints() {
    for (JsonNode checkpoint : sets.get("VMCheckPoints")) {
      expect(text(checkpoint, "CheckpointID") != null, "checkpoint '" + text(checkpoint, "Name") + "' (ID "
          + text(checkpoint, "ID") + ") has no CheckpointID: it is stored without its completed job");
      expect(find("VirtualMachines", "ID", text(checkpoint, "VMId")).size() == 1, "checkpoint '"
          + text(checkpoint, "Name") + "' names VM " + text(checkpoint, "VMId") + ", which is not there");
    }
  }

  /** A VM from the template is made whole (disk, drives, adapter) or not at all; nothing outlives its VM. */
  private void machines(Ledger ledger) {
    ledger.live().filter(entity -> entity.kind == Kind.VM).forEach(vm -> {
      for (String part : VM_PARTS) {
        int count = find(part, "VMId", vm.id).size();
        expect(count == 1, vm + " has " + count + " " + part + ", expected the template's 1");
      }
      List<JsonNode> found = find("VirtualMachines", "ID", vm.id);
      expect(found.isEmpty() || "PowerOff".equals(text(found.get(0), "Status")), vm + " is "
          + (found.isEmpty() ? "" : text(found.get(0), "Status"))
          + ", expected PowerOff (made stopped, never started)");
    });
    for (String part : VM_PARTS) {
      for (JsonNode entity : sets.get(part)) {
        String vm = text(entity, "VMId");
        expect(vm == null || find("VirtualMachines", "ID", vm).size() == 1, part + " " + text(entity, "ID")
            + " belongs to VM " + vm + ", which is not there");
      }
    }
  }

  /** The role's usage is the sum over its VMs (the demo subscription has one role), changed in the VM's unit. */
  private void quotas() {
    List<JsonNode> vms = sets.get("VirtualMachines");
    Map<String, BigInteger> used = new TreeMap<>();
    used.put("VMCount", BigInteger.valueOf(vms.size()));
    used.put("CPUCount", sum(vms, "CPUCount"));
    used.put("MemoryMB", sum(vms, "Memory"));
    used.put("StorageGB", sum(vms, "TotalSize").divide(GIB));
    for (JsonNode component : sets.get("QuotaAndUsageComponents")) {
      BigInteger expected = used.get(text(component, "QuotaDimension"));
      String usage = text(component, "RoleUsage");
      expect(expected == null || expected.toString().equals(usage), "the quota usage " + text(component,
          "QuotaDimension") + " is " + usage + ", but the VMs add up to " + expected);
    }
  }

  private static BigInteger sum(List<JsonNode> entities, String property) {
    return entities.stream().map(entity -> text(entity, property)).filter(Objects::nonNull).map(BigInteger::new)
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** Every ID the emulator drew is drawn once: a restart must not draw the same ones again. */
  private void duplicates(Set<String> sharedAtStart) {
    occurrences().forEach((id, where) -> expect(where.size() == 1 || sharedAtStart.contains(id), "ID " + id
        + " stands " + where.size() + " times: " + where));
  }

  private Map<String, List<String>> occurrences() {
    Map<String, List<String>> where = new HashMap<>();
    sets.forEach((set, entities) -> {
      for (JsonNode entity : entities) {
        for (String property : List.of("ID", "CheckpointID")) {
          String id = text(entity, property);
          if (id != null && !set.equals("QuotaAndUsageComponents")) {
            where.computeIfAbsent(id, k -> new ArrayList<>()).add(set + "." + property);
          }
        }
      }
    });
    return where;
  }

  /**
   * Every acknowledged change's job is there, and this cycle started exactly as many jobs of each cmdlet as
   * it made changes: an in-flight change found applied has its job, one not applied left none behind.
   */
  private void jobs(Ledger ledger, Instant since) {
    if (ledger.ops().filter(op -> op.applied).count() >= JobScheduler.HISTORY) {
      return; // the subscription kept only its newest jobs, so some of this cycle's are rightly gone
    }
    List<JsonNode> jobs = sets.get("Jobs");
    ledger.ops().filter(op -> op.acknowledged() && op.job != null).forEach(op -> expect(
        !find("Jobs", "ID", op.job).isEmpty(), "job " + op.job + " of the acknowledged " + op + " is missing"));
    Map<String, Integer> started = new TreeMap<>();
    ledger.appliedPerCmdlet().keySet().forEach(cmdlet -> started.put(cmdlet, 0));
    for (JsonNode job : jobs) {
      if (!OffsetDateTime.parse(text(job, "StartTime")).toInstant().isBefore(since)) {
        started.merge(text(job, "CmdletName"), 1, Integer::sum);
      }
    }
    expect(started.equals(ledger.appliedPerCmdlet()), "this cycle's jobs per cmdlet are " + started
        + ", but its changes that happened (acknowledged, or in flight and found) are " + ledger.appliedPerCmdlet()
        + "; those found applied, one of which may be half there: " + ledger.ops()
            .filter(op -> op.inFlight() && op.applied).toList());
  }

  private JsonNode byName(Entity entity) {
    List<JsonNode> found = find(entity.kind.set, "Name", entity.name);
    return found.isEmpty() ? null : found.get(0);
  }

  private JsonNode byId(Entity entity) {
    List<JsonNode> found = find(entity.kind.set, "ID", entity.id);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<JsonNode> find(String set, String property, String value) {
    return sets.get(set).stream().filter(entity -> value != null && value.equalsIgnoreCase(text(entity, property)))
        .toList();
  }

  private void expect(boolean holds, String problem) {
    if (!holds) {
      problems.add(problem);
    }
  }
}
