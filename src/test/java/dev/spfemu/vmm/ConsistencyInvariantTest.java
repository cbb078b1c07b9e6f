package dev.spfemu.vmm;

import static dev.spfemu.vmm.VmmFixture.STAMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spfemu.SettableClock;
import dev.spfemu.error.ServiceException;
import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.machine.VmOperation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consistency invariant (issue 10): after every step of a seeded random sequence of creates,
 * power operations, changes, deletes, checkpoints, disk drives added and removed, failed jobs, network
 * changes and rolled-back change sets, the domain's state passes the same checker as a world file at load
 * ({@link dev.spfemu.vmm.world.WorldConsistency}, every reference checked): no orphan adapters,
 * disks or checkpoints, every adapter's IP inside its pool and unique, MACs unique. A failure names
 * the seed and the step, and the steps before it, to replay. Jobs take no time (synchronous). At the
 * end, the world's export loads again (the loader runs the same checker).
 */
class ConsistencyInvariantTest {

  private static final int STEPS = 10_000;
  /** Beyond this many VMs (or networks) in a subscription, steps delete rather than create. */
  private static final int MAX_VMS = 40;
  private static final int MAX_NETWORKS = 5;
  private static final long SEED = Long.getLong("invariant.seed", 20261201L);
  private static final String[] SUBSCRIPTIONS = {VmmFixture.SUBSCRIPTION, "3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c"};
  private static final String[] FAILING_CMDLETS = {"New-SCVirtualMachine", "Set-SCVirtualMachine",
      "Start-SCVirtualMachine", "Remove-SCVirtualMachine", "New-SCVMCheckpoint", "Restore-SCVMCheckpoint",
      "Remove-SCVMCheckpoint", "New-SCVMNetwork", "New-SCVMSubnet", "New-SCStaticIPAddressPool", "Remove-SCVMNetwork",
      "New-SCVirtualDiskDrive", "Remove-SCVirtualDiskDrive"};

  private final Domain world = new Domain();
  private final Random random = new Random(SEED);
  /** What the steps did, for the failure message. */
  private final List<String> log = new ArrayList<>();
  private final UUID cloud = VmmFixture.CLOUD;
  /** The library (template) disks of each subscription, which a drive may copy. */
  private final Map<String, List<UUID>> libraryDisks = new HashMap<>();
  private int networks;
  private int refused;
  /** The error codes of the refused steps. */
  private final Set<String> refusals = new TreeSet<>();

  @AfterEach
  void close() {
    world.close();
  }

  /**
   * 10,000 steps each followed by a check of the whole world: seconds on an idle machine, but beyond the
   * default minute inside a full parallel run on a loaded two-core machine (measured: 35 s alone, 100 s
   * there, with or without the drive steps), so this one test has more time.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theWorldStaysConsistentOverTenThousandRandomSteps() throws IOException {
    for (String subscription : SUBSCRIPTIONS) {
      fabric(subscription);
    }
    assertEquals(List.of(), world.vmm.inconsistencies(), "the fabric itself");
    for (int step = 1; step <= STEPS; step++) {
      String subscription = SUBSCRIPTIONS[random.nextInt(SUBSCRIPTIONS.length)];
      if (random.nextInt(20) == 0) {
        changeSet(subscription, random.nextBoolean());
      } else {
        step(subscription);
      }
      List<String> broken = world.vmm.inconsistencies();
      if (!broken.isEmpty()) {
        fail("seed " + SEED + " (-Dinvariant.seed=" + SEED + "), step " + step + ": " + broken
            + "\nlast steps: " + log.subList(Math.max(0, log.size() - 10), log.size()));
      }
    }
    ByteArrayOutputStream export = new ByteArrayOutputStream();
    world.vmm.exportWorld(export);
    try (Domain fresh = new Domain()) { // what the steps reached is a world the loader takes back
      fresh.vmm.loadWorld(new ByteArrayInputStream(export.toByteArray()), "the export after " + STEPS + " steps",
          null);
      assertEquals(world.set("VirtualNetworkAdapters").list(null).size(),
          fresh.set("VirtualNetworkAdapters").list(null).size());
    }
    assertTrue(refused > 0 && world.set("VirtualMachines").list(null).size() > 0,
        "the sequence both refused and kept something (" + refused + " refused)");
    assertTrue(refusals.containsAll(List.of("QuotaExceeded", "CloudCapacityExceeded", "ResourceInUse",
        "InvalidOperationForState", "ReferencedEntityNotFound", "InvalidDiskDrive")),
        "every rule was hit: " + refusals);
  }

  /** Clouds, profiles, templates with their library disks, and two VM networks with subnets and small pools. */
  private void fabric(String subscription) {
    create(subscription, "Clouds", "ID", cloud, "StampId", STAMP, "Name", "Gold Cloud");
    for (int i = 0; i < 2; i++) {
      create(subscription, "HardwareProfiles", "StampId", STAMP, "Name", "profile-" + i, "CPUCount", i + 1,
          "Memory", 2048 * (i + 1));
      UUID disk = id(create(subscription, "VirtualHardDisks", "StampId", STAMP, "Name", "template-" + i + ".vhdx",
          "MaximumSize", (i + 1) * 20L << 30));
      libraryDisks.computeIfAbsent(subscription, s -> new ArrayList<>()).add(disk);
      create(subscription, "VMTemplates", "StampId", STAMP, "Name", "template-" + i, "CPUCount", i + 2,
          "Memory", 1024 * (i + 2), "VirtualHardDiskId", disk);
    }
    createNetwork(subscription);
    createNetwork(subscription);
    quotas(subscription);
  }

  /**
   * The subscription's user role with quotas below what the steps would reach (so that creates and
   * changes are refused now and then), and a cloud capacity both subscriptions share.
   */
  private void quotas(String subscription) {
    UUID role = UUID.fromString(subscription);
    create(subscription, "UserRoles", "ID", role, "Name", "Tenant - " + subscription);
    long[] quota = {25, 60, 100_000, 1_500};
    String[] dimensions = {"VMCount", "CPUCount", "MemoryMB", "StorageGB"};
    for (int i = 0; i < quota.length; i++) {
      create(subscription, "QuotaAndUsageComponents", "ID", cloud, "StampId", STAMP, "UserRoleID", role,
          "QuotaDimension", dimensions[i], "RoleQuota", quota[i], "UseRoleQuotaMaximum", false, "RoleUsage", 0L);
    }
    create(subscription, "CloudCapacities", "CloudId", cloud, "StampId", STAMP, "VMCount", 45L,
        "UseVMCountMaximum", false);
  }

  private void step(String subscription) {
    if (world.set("VirtualMachines").list(subscription).size() > MAX_VMS) {
      stopAndDeleteVm(subscription); // keeps the world small, so that checking it after every step stays cheap
      return;
    }
    switch (random.nextInt(16)) {
      case 0, 1, 2 -> createVm(subscription);
      case 3, 4, 5 -> operate(subscription);
      case 6 -> change(subscription);
      case 7, 8 -> deleteVm(subscription);
      case 9 -> checkpoint(subscription);
      case 10 -> restoreOrDeleteCheckpoint(subscription);
      case 11 -> attempt("failNextJobs", () -> world.vmm.failNextJobs(
          FAILING_CMDLETS[random.nextInt(FAILING_CMDLETS.length)], 1, "InjectedFailure", "injected by the test"));
      case 12 -> createNetwork(subscription);
      case 13 -> addDrive(subscription);
      case 14 -> removeDrive(subscription);
      default -> deleteUnusedNetworkPart(subscription);
    }
  }

  /** A few steps in a change set, then rolled back (as a failed $batch change set) or kept. */
  private void changeSet(String subscription, boolean rollback) {
    log.add("change set (" + (rollback ? "rolled back" : "kept") + ") {");
    try (ChangeSet changes = world.vmm.beginChangeSet()) {
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        step(subscription);
      }
      if (rollback) {
        changes.rollback();
      }
    }
    log.add("}");
  }

  private void createVm(String subscription) {
    EntityPayload vm = world.payload("VirtualMachines", "Name", "vm-" + log.size(), "StampId", STAMP,
        "CloudId", cloud, "StartVM", random.nextBoolean());
    switch (random.nextInt(3)) {
      case 0 -> vm.put(vm.type().property("VMTemplateId"), pick(subscription, "VMTemplates"));
      case 1 -> vm.put(vm.type().property("HardwareProfileId"), pick(subscription, "HardwareProfiles"));
      default -> vm.put(vm.type().property("CPUCount"), 1 + random.nextInt(4));
    }
    List<ComplexValue> inputs = new ArrayList<>();
    for (int i = 0, n = random.nextInt(3); i < n; i++) {
      inputs.add(adapterInput(subscription));
    }
    vm.put(vm.type().property("NewVirtualNetworkAdapterInput"), inputs);
    attempt("create VM with " + inputs.size() + " adapters", () -> world.set("VirtualMachines").create(subscription,
        vm, false));
  }

  /** An adapter input on an existing network (sometimes a missing one, or a static MAC already taken). */
  private ComplexValue adapterInput(String subscription) {
    ComplexTypeModel type = world.model.complexTypes().stream()
        .filter(t -> t.name().equals("NewVMVirtualNetworkAdapterInput")).findFirst().orElseThrow();
    Object[] values = new Object[type.properties().size()];
    EntityRecord network = any(subscription, "VMNetworks");
    values[type.property("VMNetworkName").index()] = network == null || random.nextInt(20) == 0 ? "no such network"
        : network.value(world.model.byEntitySet("VMNetworks").property("Name").index());
    if (random.nextInt(10) == 0) {
      values[type.property("MACAddressType").index()] = "Static";
      values[type.property("MACAddress").index()] = "00:1D:D8:B7:1C:0" + random.nextInt(4);
    }
    return new ComplexValue(type, values);
  }

  private void operate(String subscription) {
    EntityRecord vm = any(subscription, "VirtualMachines");
    if (vm != null) {
      VmOperation[] operations = VmOperation.values();
      String operation = random.nextInt(30) == 0 ? "Explode" : operations[random.nextInt(operations.length)].value();
      attempt(operation + " " + vm.key(), () -> world.set("VirtualMachines").update(subscription, vm.key(),
          world.payload("VirtualMachines", "Operation", operation), false));
    }
  }

  private void change(String subscription) {
    EntityRecord vm = any(subscription, "VirtualMachines");
    if (vm != null) {
      attempt("change CPUCount/Memory of " + vm.key(), () -> world.set("VirtualMachines").update(subscription,
          vm.key(), world.payload("VirtualMachines", "CPUCount", 1 + random.nextInt(8),
              "Memory", 512 * (1 + random.nextInt(16))), false));
    }
  }

  private void stopAndDeleteVm(String subscription) {
    EntityRecord vm = any(subscription, "VirtualMachines");
    attempt("stop VM " + vm.key(), () -> world.set("VirtualMachines").update(subscription, vm.key(),
        world.payload("VirtualMachines", "Operation", "Stop"), false));
    attempt("delete VM " + vm.key(), () -> world.set("VirtualMachines").delete(subscription, vm.key(), false));
  }

  private void deleteVm(String subscription) {
    EntityRecord vm = any(subscription, "VirtualMachines");
    if (vm != null) {
      attempt("delete VM " + vm.key(), () -> world.set("VirtualMachines").delete(subscription, vm.key(), false));
    }
  }

  /**
   * Adds a disk drive to a VM: a copy of a template's library disk, a blank disk of some size, or (now
   * and then) in a slot its boot disk holds, or on a VM that is not there. Fewer drives are added than
   * removed, so that the world stays small.
   */
  private void addDrive(String subscription) {
    EntityRecord vm = any(subscription, "VirtualMachines");
    if (vm == null || random.nextBoolean()) {
      return;
    }
    EntityPayload drive = world.payload("VirtualDiskDrives", "StampId", STAMP,
        "VMId", random.nextInt(30) == 0 ? UUID.randomUUID() : vm.key().value(0));
    switch (random.nextInt(4)) {
      case 0 -> drive.put(drive.type().property("VirtualHardDiskId"),
          libraryDisks.get(subscription).get(random.nextInt(2)));
      case 1 -> drive.put(drive.type().property("Size"), (1L + random.nextInt(200)) << 30);
      case 2 -> {
        drive.put(drive.type().property("IDE"), true);
        drive.put(drive.type().property("Bus"), 0);
        drive.put(drive.type().property("LUN"), random.nextInt(2));
      }
      default -> drive.put(drive.type().property("SCSI"), true);
    }
    attempt("add a drive to " + vm.key(), () -> world.set("VirtualDiskDrives").create(subscription, drive, false));
  }

  private void removeDrive(String subscription) {
    EntityRecord drive = any(subscription, "VirtualDiskDrives");
    if (drive != null) {
      attempt("remove drive " + drive.key(), () -> world.set("VirtualDiskDrives").delete(subscription, drive.key(),
          false));
    }
  }

  private void checkpoint(String subscription) {
    EntityRecord vm = any(subscription, "VirtualMachines");
    if (vm != null) {
      attempt("checkpoint " + vm.key(), () -> world.set("VMCheckPoints").create(subscription,
          world.payload("VMCheckPoints", "VMId", vm.key().value(0), "StampId", STAMP, "Name", "cp-" + log.size()),
          false));
    }
  }

  private void restoreOrDeleteCheckpoint(String subscription) {
    EntityRecord checkpoint = any(subscription, "VMCheckPoints");
    if (checkpoint == null) {
      return;
    }
    if (random.nextBoolean()) {
      attempt("restore " + checkpoint.key(), () -> world.set("VMCheckPoints").update(subscription, checkpoint.key(),
          world.payload("VMCheckPoints", "VMCheckPointAction", "Restore"), false));
    } else {
      attempt("delete checkpoint " + checkpoint.key(),
          () -> world.set("VMCheckPoints").delete(subscription, checkpoint.key(), false));
    }
  }

  /** A VM network with one subnet and a static IP pool of a few addresses (so that pools run out). */
  private void createNetwork(String subscription) {
    if (world.set("VMNetworks").list(subscription).size() >= MAX_NETWORKS) {
      return;
    }
    String name = "net-" + networks++;
    attempt("create network " + name, () -> {
      UUID network = id(create(subscription, "VMNetworks", "StampId", STAMP, "Name", name));
      UUID subnet = id(create(subscription, "VMSubnets", "StampId", STAMP, "Name", name + "-subnet",
          "VMNetworkId", network, "Subnet", "10." + networks + ".0.0/24"));
      create(subscription, "StaticIPAddressPools", "StampId", STAMP, "Name", name + "-pool", "VMSubnetId", subnet,
          "IPAddressRangeStart", "10." + networks + ".0.10", "IPAddressRangeEnd", "10." + networks + ".0.15");
    });
  }

  /**
   * Deletes a pool, subnet or VM network that nothing refers to. Extension point: once deleting one
   * in use is refused (issue 10, H3), try in-use ones as well and count the refusals.
   */
  private void deleteUnusedNetworkPart(String subscription) {
    List<EntityRecord> adapters = world.set("VirtualNetworkAdapters").list(subscription);
    for (String set : List.of("StaticIPAddressPools", "VMSubnets", "VMNetworks")) {
      for (EntityRecord candidate : sorted(world.set(set).list(subscription))) {
        Object id = candidate.key().value(0);
        boolean used = adapters.stream().anyMatch(a -> refersTo(a, id))
            || world.set("VMSubnets").list(subscription).stream().anyMatch(s -> refersTo(s, id))
            || world.set("StaticIPAddressPools").list(subscription).stream().anyMatch(p -> refersTo(p, id));
        if (used && random.nextInt(6) == 0) { // in use: refused, and nothing changes
          attempt("delete " + set + candidate.key() + " in use",
              () -> world.set(set).delete(subscription, candidate.key(), false));
          return;
        }
        if (!used && random.nextInt(3) == 0) {
          attempt("delete " + set + candidate.key(), () -> world.set(set).delete(subscription, candidate.key(), false));
          return;
        }
      }
    }
  }

  /** Whether any value of the entity (a collection's members included) is {@code id}, its own key aside. */
  private static boolean refersTo(EntityRecord entity, Object id) {
    if (entity.key().value(0).equals(id)) {
      return false;
    }
    for (int i = 0; i < entity.values().length; i++) {
      Object value = entity.value(i);
      if (id.equals(value) || value instanceof List<?> list && list.contains(id)) {
        return true;
      }
    }
    return false;
  }

  /** Runs a step; a refusal (4xx) is expected now and then, anything else fails the test. */
  private void attempt(String what, Runnable action) {
    try {
      action.run();
      log.add(what);
    } catch (ServiceException e) {
      if (e.status() >= 500) {
        throw new AssertionError("seed " + SEED + ", step " + log.size() + ": " + what + " answered " + e.status()
            + ": " + e.getMessage(), e);
      }
      refused++;
      refusals.add(e.code());
      log.add(what + " (refused: " + e.code() + ")");
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + SEED + ", step " + log.size() + ": " + what + " threw " + e, e);
    }
  }

  private EntityRecord create(String subscription, String set, Object... namesAndValues) {
    return world.set(set).create(subscription, world.payload(set, namesAndValues), false).entity();
  }

  private static UUID id(EntityRecord entity) {
    return (UUID) entity.key().value(0);
  }

  private UUID pick(String subscription, String set) {
    EntityRecord entity = any(subscription, set);
    return entity == null ? null : id(entity);
  }

  /** A random entity of the set, chosen reproducibly (the store lists in no order). */
  private EntityRecord any(String subscription, String set) {
    List<EntityRecord> all = sorted(world.set(set).list(subscription));
    return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
  }

  private static List<EntityRecord> sorted(List<EntityRecord> entities) {
    List<EntityRecord> all = new ArrayList<>(entities);
    all.sort((a, b) -> a.key().toString().compareTo(b.key().toString()));
    return all;
  }

  /** The domain over an in-memory store, jobs synchronous, with the real world-file reader and writer. */
  private static final class Domain implements AutoCloseable {

    final ServiceModel model = ModelLoader.loadDefault();
    final Vmm vmm = Vmm.create(model, new InMemoryEntityStore(), IdGenerator.seeded(7),
        SettableClock.fixedAt(VmmFixture.START), Duration.ZERO, new WorldEntityJson());

    EntitySet set(String name) {
      return vmm.set(name);
    }

    /** A payload of {@code set}'s type with these properties present (by name). */
    EntityPayload payload(String set, Object... namesAndValues) {
      EntityPayload payload = new EntityPayload(model.byEntitySet(set));
      for (int i = 0; i < namesAndValues.length; i += 2) {
        payload.put(payload.type().property((String) namesAndValues[i]), namesAndValues[i + 1]);
      }
      return payload;
    }

    @Override
    public void close() {
      vmm.close();
    }
  }
}
