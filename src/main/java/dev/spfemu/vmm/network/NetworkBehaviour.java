package dev.spfemu.vmm.network;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.Outcome;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.job.JobScheduler;
import dev.spfemu.vmm.job.JobSpec;
import java.util.UUID;

/**
 * VM networks, subnets and static IP address pools as VMM changes them: each create, change and
 * delete is a job ({@code New-SCVMNetwork}, {@code Set-SCVMSubnet}, {@code Remove-SCStaticIPAddressPool}
 * …), which the WAPack cmdlets wait on before they read the entity back or delete the next one. What
 * the job does is plain storage: the entity is stored at once, changed at once, and removed when its
 * delete job completes.
 */
public final class NetworkBehaviour implements EntityBehaviour {

  private final StoredSet set;
  private final JobScheduler jobs;
  /** VMM's name of the type, in cmdlet names and as the jobs' target type ("VMNetwork"). */
  private final String noun;
  private final Field<UUID> id;
  private final Field<UUID> stamp;
  private final Field<String> name;
  /** VMM's defaults for what a create leaves out (VM networks: their isolation), or null. */
  private final VmNetworkIsolation defaults;

  /** What must hold before an entity of the set may be deleted (no adapter uses it); throws if not. */
  @FunctionalInterface
  private interface DeleteCheck {
    void check(String subscription, UUID id, UUID stamp, String name, EntityValues entity);
  }

  private final DeleteCheck deleteCheck;

  private NetworkBehaviour(StoredSet set, JobScheduler jobs, String noun, VmNetworkIsolation defaults,
      DeleteCheck deleteCheck) {
    this.defaults = defaults;
    this.deleteCheck = deleteCheck;
    this.set = set;
    this.jobs = jobs;
    this.noun = noun;
    this.id = Field.guid(set.type(), "ID");
    this.stamp = Field.guid(set.type(), "StampId");
    this.name = Field.string(set.type(), "Name");
  }

  /**
   * VM networks, whose isolation follows their logical network's when the create names none, and which
   * cannot be deleted while VMs' adapters are connected to them.
   */
  public static NetworkBehaviour vmNetworks(StoredSet set, StoredSet logicalNetworks, JobScheduler jobs,
      NetworksInUse inUse) {
    return new NetworkBehaviour(set, jobs, "VMNetwork", new VmNetworkIsolation(set, logicalNetworks),
        (subscription, id, stamp, name, network) -> inUse.checkVmNetwork(subscription, id, stamp, name));
  }

  /** VM subnets, which cannot be deleted while VMs' adapters are on them. */
  public static NetworkBehaviour subnets(StoredSet set, JobScheduler jobs, NetworksInUse inUse) {
    return new NetworkBehaviour(set, jobs, "VMSubnet", null,
        (subscription, id, stamp, name, subnet) -> inUse.checkSubnet(subscription, id, stamp, name));
  }

  /** Static IP address pools, which cannot be deleted while VMs' adapters hold addresses from them. */
  public static NetworkBehaviour staticIpPools(StoredSet set, JobScheduler jobs, NetworksInUse inUse) {
    Field<UUID> subnet = Field.guid(set.type(), "VMSubnetId");
    return new NetworkBehaviour(set, jobs, "StaticIPAddressPool", null,
        (subscription, id, stamp, name, pool) -> inUse.checkPool(subscription, id, subnet.get(pool), stamp, name));
  }

  @Override
  public Outcome create(String subscription, EntityPayload payload, boolean async) {
    if (defaults != null) {
      defaults.apply(subscription, payload);
    }
    EntityRecord created = set.create(subscription, payload);
    return new Outcome(created, jobs.run(job(subscription, created::value, "New"), async, () -> { }));
  }

  @Override
  public Outcome update(String subscription, EntityKey key, EntityPayload payload, boolean async) {
    EntityRecord changed = set.update(subscription, key, payload);
    return new Outcome(changed, jobs.run(job(subscription, changed::value, "Set"), async, () -> { }));
  }

  @Override
  public Outcome delete(String subscription, EntityKey key, boolean async) {
    EntityRecord entity = set.read(subscription, key);
    // before the job: a refused delete starts none
    deleteCheck.check(subscription, id.get(entity::value), stamp.get(entity::value), name.get(entity::value),
        entity::value);
    UUID job = jobs.run(job(subscription, entity::value, "Remove"), async, () -> set.delete(subscription, key));
    return new Outcome(entity, job);
  }

  /** A job of {@code verb}-SC{noun} on this entity, named as VMM names it ("New-SCVMNetwork web"). */
  private JobSpec job(String subscription, EntityValues entity, String verb) {
    String cmdlet = verb + "-SC" + noun;
    String target = String.valueOf(name.get(entity));
    return new JobSpec(subscription, stamp.get(entity), cmdlet + " " + target, cmdlet, target, id.get(entity), noun);
  }
}
