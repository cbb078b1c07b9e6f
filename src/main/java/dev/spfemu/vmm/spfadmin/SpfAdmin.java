package dev.spfemu.vmm.spfadmin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.vmm.ChangeSet;
import dev.spfemu.vmm.EntitySet;
import dev.spfemu.vmm.Navigation;
import dev.spfemu.vmm.ServiceDomain;
import dev.spfemu.vmm.Vmm;
import dev.spfemu.vmm.entity.ChangeSets;
import dev.spfemu.vmm.entity.EntityBehaviour;
import dev.spfemu.vmm.entity.EntityRules;
import dev.spfemu.vmm.entity.ServerClock;
import dev.spfemu.vmm.entity.StoredSet;
import dev.spfemu.vmm.world.EntityJson;
import dev.spfemu.vmm.world.WorldLoader;
import dev.spfemu.vmm.world.WorldWriter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The domain of SPF's Admin web service ({@code /SC2012R2/Admin/Microsoft.Management.Odata.svc/}),
 * wired in one place: stamps, servers, tenants and their stamp assignments, which Windows Azure
 * Pack creates when it registers a VMM stamp and signs up a tenant. They are SPF's own, not a
 * tenant's, so they live in one partition ({@link #SCOPE}) of a store of their own; a tenant's VMM
 * side (its user role) is made through the {@link Vmm} it is given.
 */
public final class SpfAdmin implements ServiceDomain {

  /** The store partition every Admin entity lives in. */
  public static final String SCOPE = "spf-admin";
  /** The section of a world file that holds the Admin service's entities. */
  public static final String WORLD_SECTION = "admin";

  private final EntityStore store;
  private final Navigation navigation;
  private final Vmm vmm;
  private final ChangeSets changeSets = new ChangeSets();
  private final Map<String, EntitySet> sets;
  private final WorldLoader worldLoader;
  private final WorldWriter worldWriter;

  private SpfAdmin(ServiceModel model, EntityStore store, IdGenerator ids, Clock clock, Vmm vmm,
      EntityJson entityJson) {
    this.store = store;
    this.navigation = Navigation.of(model, store); // the Admin model declares none: no indexes
    this.vmm = vmm;
    ServerClock time = new ServerClock(clock);
    EntityTypeModel tenantType = model.byEntitySet("Tenants");
    TenantFields fields = new TenantFields(tenantType, model.byEntitySet("TenantResources"));
    Map<String, StoredSet> stored = new HashMap<>();
    for (EntityTypeModel type : model.entityTypes()) {
      EntityRules rules = type == tenantType ? new TenantRules(fields) : EntityRules.NONE;
      stored.put(type.entitySet(), new StoredSet(model, type, store, ids, time, rules, changeSets));
    }
    TenantUserRoles userRoles = new TenantUserRoles(vmm.set("UserRoles"));
    StoredSet tenants = stored.get("Tenants");
    StoredSet resources = stored.get("TenantResources");
    Map<String, EntityBehaviour> behaviours = Map.of(
        "Tenants", new TenantBehaviour(tenants, resources, fields, userRoles),
        "TenantResources", new TenantResourceBehaviour(resources, tenants, fields, userRoles));
    Map<String, EntitySet> byName = new HashMap<>();
    stored.forEach((name, set) ->
        byName.put(name, EntitySet.of(set, behaviours.getOrDefault(name, EntityBehaviour.storing(set)))));
    this.sets = Map.copyOf(byName);
    this.worldLoader = new WorldLoader(model, store, entityJson);
    JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    this.worldWriter = new WorldWriter(model, store, json, entityJson);
  }

  /**
   * The Admin service over {@code store} (its own: nothing in it belongs to a subscription).
   *
   * @param vmm the VMM service whose user roles the tenants get
   * @param entityJson how a world file reads and writes one entity
   */
  public static SpfAdmin create(ServiceModel model, EntityStore store, IdGenerator ids, Clock clock, Vmm vmm,
      EntityJson entityJson) {
    return new SpfAdmin(model, store, ids, clock, vmm, entityJson);
  }

  @Override
  public EntitySet set(String entitySet) {
    return sets.get(entitySet);
  }

  /** A change set over the Admin entities and the VMM user roles they make, taken back together. */
  @Override
  public ChangeSet beginChangeSet() {
    ChangeSets.ChangeSet own = changeSets.begin();
    try {
      return ChangeSet.of(ChangeSet.of(own::rollback, own::close), vmm.beginChangeSet());
    } catch (RuntimeException e) {
      own.close();
      throw e;
    }
  }

  @Override
  public String scope() {
    return SCOPE;
  }

  /**
   * Loads the {@value #WORLD_SECTION} section of a world file (docs/scenario.md), if it has one.
   *
   * @return the number of entities loaded
   * @throws IllegalArgumentException when the section is invalid; the message says where and why
   */
  public int loadWorld(InputStream in, String source) throws IOException {
    return worldLoader.loadSection(in, source, WORLD_SECTION, SCOPE);
  }

  /** The Admin entities as the {@value #WORLD_SECTION} section of an exported world file. */
  public WorldWriter.Section worldSection() {
    return worldWriter.section(WORLD_SECTION, SCOPE);
  }

  /** Forgets every Admin entity (the VMM user roles go with the VMM's own reset). */
  public void reset() {
    store.clear();
  }

  @Override
  public Navigation navigation() {
    return navigation;
  }
}
