package dev.spfemu.vmm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.model.StreamModel;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.vmm.checkpoint.CheckpointBehaviour;
import dev.spfemu.vmm.checkpoint.CheckpointRules;
import dev.spfemu.vmm.entity.ChangeSets;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.EntityRules;
import dev.spfemu.vmm.entity.ServerClock;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobScheduler;
import dev.spfemu.vmm.machine.Machines;
import dev.spfemu.vmm.machine.HardwareDefaults;
import dev.spfemu.vmm.machine.Provisioning;
import dev.spfemu.vmm.machine.VirtualMachineBehaviour;
import dev.spfemu.vmm.machine.VmConsole;
import dev.spfemu.vmm.network.AdapterProvisioning;
import dev.spfemu.vmm.network.NetworkBehaviour;
import dev.spfemu.vmm.quota.Quotas;
import dev.spfemu.vmm.storage.DiskProvisioning;
import dev.spfemu.vmm.network.NetworksInUse;
import dev.spfemu.vmm.world.EntityJson;
import dev.spfemu.vmm.world.WorldConsistency;
import dev.spfemu.vmm.world.WorldLoader;
import dev.spfemu.vmm.world.WorldOverview;
import dev.spfemu.vmm.world.WorldWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The VMM domain of one emulator, wired in one place: every entity set with its storage rules and
 * behaviour, the job scheduler, the checkpoint trees and the world loader and writer. It knows
 * nothing of HTTP, payload formats or Olingo; the protocol side asks it for an {@link EntitySet}.
 */
public final class Vmm implements ServiceDomain, AutoCloseable {

  private final EntityStore store;
  private final ChangeSets changeSets = new ChangeSets();
  private final Map<String, EntitySet> sets;
  private final JobScheduler jobs;
  private final CheckpointBehaviour checkpoints;
  private final AdapterProvisioning adapters;
  private final WorldLoader worldLoader;
  private final WorldWriter worldWriter;
  private final WorldConsistency consistency;
  private final Navigation navigation;
  private final Quotas quotas;
  private final VmConsole console;
  private final WorldOverview overview;
  private final ServerClock time;

  private Vmm(ServiceModel model, EntityStore store, IdGenerator ids, Clock clock, Duration jobDuration,
      EntityJson entityJson, int entitiesPerSubscription) {
    this.store = store;
    SubscriptionCapacity capacity = new SubscriptionCapacity(store, entitiesPerSubscription);
    this.navigation = new Navigation(model, store); // declares its indexes before anything is stored
    ServerClock time = new ServerClock(clock);
    this.time = time;
    Map<String, StoredSet> stored = new HashMap<>();
    for (EntityTypeModel type : model.entityTypes()) {
      stored.put(type.entitySet(), new StoredSet(model, type, store, ids, time, rules(type), changeSets));
    }
    this.jobs = new JobScheduler(stored.get("Jobs"), jobDuration, JobScheduler.HISTORY, store.units());
    Machines machines = new Machines(stored.get("VirtualMachines"));
    this.quotas = new Quotas(stored.get("VirtualMachines"), stored.get("QuotaAndUsageComponents"),
        stored.get("CloudCapacities"), store); // declares its index before anything is stored
    this.console = new VmConsole(stored.get("VirtualMachines").type());
    this.checkpoints = new CheckpointBehaviour(stored.get("VMCheckPoints"), machines, jobs);
    this.adapters = new AdapterProvisioning(store, stored.get("VirtualMachines"), stored.get("VirtualNetworkAdapters"),
        stored.get("VMNetworks"), stored.get("VMSubnets"), stored.get("StaticIPAddressPools"));
    DiskProvisioning disks = new DiskProvisioning(store, stored.get("VirtualMachines"), stored.get("VMTemplates"),
        stored.get("VirtualHardDisks"), stored.get("VirtualDiskDrives"), stored.get("VirtualDVDDrives"),
        stored.get("VirtualSCSIAdapters"));
    NetworksInUse inUse = new NetworksInUse(store, stored.get("VirtualNetworkAdapters").type(),
        stored.get("VirtualMachines").type(), stored.get("VMSubnets").type(),
        stored.get("StaticIPAddressPools").type()); // declares its indexes before anything is stored
    VirtualMachineBehaviour.RemovalListener removed = (subscription, vmId, stamp) -> {
      checkpoints.removeAllOf(subscription, vmId, stamp);
      adapters.removeAllOf(subscription, vmId, stamp);
      disks.removeAllOf(subscription, vmId, stamp);
    };
    // adapters first: a full address pool fails the creation job before any disk is made
    Provisioning provisioning = Provisioning.inOrder(List.of(
        (subscription, vm) -> Provisioning.Prepared.completing(adapters.prepare(subscription, vm)), disks));
    Map<String, EntityBehaviour> behaviours = Map.of(
        "VMCheckPoints", checkpoints,
        "VirtualMachines", new VirtualMachineBehaviour(machines, jobs, removed, provisioning,
            new HardwareDefaults(stored.get("VirtualMachines").type(), stored.get("VMTemplates"),
                stored.get("HardwareProfiles")), quotas),
        "VMNetworks", NetworkBehaviour.vmNetworks(stored.get("VMNetworks"), stored.get("LogicalNetworks"), jobs, inUse),
        "VMSubnets", NetworkBehaviour.subnets(stored.get("VMSubnets"), jobs, inUse),
        "StaticIPAddressPools", NetworkBehaviour.staticIpPools(stored.get("StaticIPAddressPools"), jobs, inUse),
        "VirtualDiskDrives", disks.drives(machines, jobs, quotas));
    FilterLookups lookups = new FilterLookups(model, store); // declares its indexes before anything is stored
    Tenancy tenancy = new Tenancy(model, store);
    Owners owners = new Owners(model, store);
    Map<String, EntitySet> byName = new HashMap<>();
    stored.forEach((name, set) -> byName.put(name,
        new EntitySet(set, behaviours.getOrDefault(name, EntityBehaviour.storing(set)), tenancy, owners, capacity,
            lookups)));
    this.sets = Map.copyOf(byName);
    this.worldLoader = new WorldLoader(model, store, entityJson);
    this.consistency = new WorldConsistency(model, store);
    JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    this.worldWriter = new WorldWriter(model, store, json, entityJson);
    this.overview = new WorldOverview(model, store, json, entityJson, checkpoints::currentOf);
  }

  /**
   * The domain over {@code store}.
   *
   * @param jobDuration how long a VMM job runs
   * @param entityJson how a world file reads and writes one entity
   */
  public static Vmm create(ServiceModel model, EntityStore store, IdGenerator ids, Clock clock, Duration jobDuration,
      EntityJson entityJson) {
    return create(model, store, ids, clock, jobDuration, entityJson, Integer.MAX_VALUE);
  }

  /** The domain over {@code store}, refusing creates in a subscription that holds {@code entitiesPerSubscription}. */
  public static Vmm create(ServiceModel model, EntityStore store, IdGenerator ids, Clock clock, Duration jobDuration,
      EntityJson entityJson, int entitiesPerSubscription) {
    return new Vmm(model, store, ids, clock, jobDuration, entityJson, entitiesPerSubscription);
  }

  /** The server-set values of each type that has them. */
  private static EntityRules rules(EntityTypeModel type) {
    return type.name().equals("VMCheckPoint") ? new CheckpointRules(type) : EntityRules.NONE;
  }

  /** The entity set named {@code entitySet}, or null if the model has none. */
  @Override
  public EntitySet set(String entitySet) {
    return sets.get(entitySet);
  }

  /** A VM's {@code VMConnection}: the RDP file of its console. */
  @Override
  public MediaResource mediaStream(OwnedEntity entity, StreamModel stream) {
    if (stream == console.stream()) { // the VM type's own stream, not one of the same name
      return new MediaResource(stream.contentType(), console.rdpFile(entity));
    }
    return ServiceDomain.super.mediaStream(entity, stream);
  }

  /** How navigation properties find the entities they lead to. */
  public Navigation navigation() {
    return navigation;
  }

  /**
   * Starts a change set on this thread: until it is closed, every change the domain makes here can
   * be taken back with {@link ChangeSet#rollback()}, side effects included.
   */
  @Override
  public ChangeSet beginChangeSet() {
    ChangeSets.ChangeSet open = changeSets.begin();
    return new ChangeSet(open::rollback, open::close);
  }

  /**
   * Loads a world file (docs/scenario.md) into the store, or only subscription {@code only}'s part
   * of it when that is not null. The user roles' quota usage ({@code RoleUsage}) is then recounted
   * from the VMs loaded.
   *
   * @param source names the file in error messages
   * @return the number of entities loaded
   * @throws IllegalArgumentException when the world is invalid or inconsistent ({@link WorldConsistency});
   *     the message says where and why
   */
  public int loadWorld(InputStream in, String source, String only) throws IOException {
    int loaded = worldLoader.load(in, source, only);
    quotas.recount(only); // a world's usage is what its VMs use
    consistency.check(source, only);
    return loaded;
  }

  /**
   * A kept world was put back into the store behind the domain's back ({@code --data-dir}): the user roles'
   * usage is recounted, as for a loaded world, the jobs that were running when the emulator stopped fail,
   * and the job history (at most so many jobs per subscription) is taken from the stored jobs.
   *
   * @return what is inconsistent in it, as {@link #inconsistencies()}
   */
  public List<String> restored() {
    jobs.restored();
    quotas.recount(null);
    return inconsistencies();
  }

  /**
   * What is inconsistent in the store now, every reference checked ({@link WorldConsistency}), and quota
   * usage that is not what the VMs use; empty if nothing.
   */
  public List<String> inconsistencies() {
    List<String> found = new ArrayList<>(consistency.violationsOfCompleteWorld());
    found.addAll(quotas.mismatches());
    return found;
  }

  /** Writes every entity of every subscription as a world file that {@link #loadWorld} reads back. */
  public void exportWorld(OutputStream out) throws IOException {
    worldWriter.write(out);
  }

  /** The same, followed by the sections of SPF's other web services (the Admin service's entities). */
  public void exportWorld(OutputStream out, List<WorldWriter.Section> sections) throws IOException {
    worldWriter.write(out, sections);
  }

  /** Writes what the live page draws ({@link WorldOverview}), as of the clock's now. */
  public void writeOverview(OutputStream out) throws IOException {
    overview.write(out, time.now());
  }

  /** Tells {@code listener} each time running jobs moved on (progress, completion), on the job thread. */
  public void onJobProgress(Runnable listener) {
    jobs.onProgress(listener);
  }

  /** Forgets every entity and what the domain keeps beside them, as before the world was loaded. */
  public void reset() {
    store.clear();
    jobs.reset();
    checkpoints.reset();
    adapters.reset();
  }

  /** Forgets one subscription's entities and what the domain keeps beside them. */
  public void reset(String subscription) {
    store.clear(subscription);
    jobs.reset(subscription);
    checkpoints.reset(subscription);
    adapters.reset(subscription);
  }

  /** Makes the next {@code count} jobs of {@code cmdlet} fail with this error (see {@link JobScheduler#failNext}). */
  public void failNextJobs(String cmdlet, int count, String code, String problem) {
    jobs.failNext(cmdlet, count, code, problem);
  }

  /** Brings running jobs up to the clock's now (after a test moved the clock); returns once they are. */
  public void catchUpJobs() {
    jobs.catchUp();
  }

  /** Stops the jobs still running. */
  @Override
  public void close() {
    jobs.close();
  }
}
