package dev.spfemu.vmm.world;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.KeyPredicate;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;

/**
 * Whether a world is consistent with itself (docs/scenario.md, "Consistency"): what hangs off a VM
 * names an existing VM, references resolve, every adapter's IPv4 address lies in its pool's range and
 * is unique in it, MAC addresses are unique. The world loader runs it on every file it loads (demo
 * world, {@code --seed-file}, {@code PUT /_emulator/state}); the invariant test runs it after random
 * operations. One {@link Rule} per invariant ({@link ConsistencyRules}); quotas and usage plug in as
 * further rules. Linear in the number of entities: each rule scans a set once and looks up hash sets.
 */
public final class WorldConsistency {

  /** How many violations an error message lists before "and N more". */
  private static final int LISTED = 5;

  /** One invariant, checked over the part of the world in {@code world}; violations go to {@code out}. */
  @FunctionalInterface
  public interface Rule {
    void check(World world, Violations out);
  }

  private final ServiceModel model;
  private final EntityStore store;
  private final List<Rule> rules;

  /** The checker with the rules of {@link ConsistencyRules}. */
  public WorldConsistency(ServiceModel model, EntityStore store) {
    this(model, store, new ConsistencyRules(model).all());
  }

  /** A checker with these rules. */
  public WorldConsistency(ServiceModel model, EntityStore store, List<Rule> rules) {
    this.model = model;
    this.store = store;
    this.rules = List.copyOf(rules);
  }

  /**
   * What is inconsistent in the store: every subscription's part, or only subscription {@code only}'s
   * when that is not null (uniqueness across subscriptions is then not checked). A reference into a
   * set the subscription holds nothing of is not checked: a world captured from a real SPF may leave
   * whole sets out. Sorted, so that a message names the same violation first on every run.
   */
  public List<String> violations(String only) {
    return violations(only, false);
  }

  /**
   * The same, for a world known to be complete (the emulator's own state after operations): every
   * reference must resolve, whether or not the subscription holds anything of the set it points into.
   */
  public List<String> violationsOfCompleteWorld() {
    return violations(null, true);
  }

  private List<String> violations(String only, boolean complete) {
    World world = new World(only == null ? store.subscriptions() : List.of(only.toLowerCase()), complete);
    Violations out = new Violations();
    for (Rule rule : rules) {
      rule.check(world, out);
    }
    List<String> found = new ArrayList<>(out.found);
    found.sort(null);
    return found;
  }

  /**
   * Refuses an inconsistent world.
   *
   * @param source names the world file in the message
   * @throws WorldLoader.InvalidWorldException naming the file and each violation (subscription, entity set, key, rule)
   */
  public void check(String source, String only) {
    List<String> found = violations(only);
    if (found.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(source).append(": ");
    for (int i = 0; i < Math.min(LISTED, found.size()); i++) {
      message.append(i == 0 ? "" : "; ").append(found.get(i));
    }
    if (found.size() > LISTED) {
      message.append("; and ").append(found.size() - LISTED).append(" more inconsistencies");
    }
    throw new WorldLoader.InvalidWorldException(message.toString());
  }

  /** A value and the stamp it is on (null: any stamp). */
  private record Ref(Object value, Object stamp) {

    // written out: a record's generated methods are bound through method handles on first use, which
    // spins classes while the world loads (docs/performance.md, "Start-up")
    @Override
    public boolean equals(Object other) {
      return other instanceof Ref r && Objects.equals(value, r.value) && Objects.equals(stamp, r.stamp);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(value) * 31 + Objects.hashCode(stamp);
    }
  }

  /** The part of the store a check looks at, with the look-ups rules need, built once per check. */
  public final class World {

    private final List<String> subscriptions;
    private final boolean complete;
    /** subscription → "set.property" → the (value, StampId) pairs present. */
    private final Map<String, Map<String, Set<Ref>>> lookups = new HashMap<>();

    private World(List<String> subscriptions, boolean complete) {
      this.subscriptions = subscriptions;
      this.complete = complete;
    }

    public List<String> subscriptions() {
      return subscriptions;
    }

    public List<EntityRecord> list(String subscription, String entitySet) {
      return store.list(subscription, entitySet);
    }

    /**
     * Whether references into the set are checked in this subscription: the world is complete, or it
     * holds an entity of the set (a world captured from SPF may leave whole sets out).
     */
    public boolean holds(String subscription, String entitySet) {
      return complete || !store.list(subscription, entitySet).isEmpty();
    }

    /**
     * Whether an entity of {@code entitySet} in the subscription has {@code value} in {@code property}
     * and, when both types have one and {@code stamp} is not null, the same {@code StampId}.
     */
    public boolean exists(String subscription, String entitySet, String property, Object value, Object stamp) {
      EntityTypeModel target = model.byEntitySet(entitySet);
      PropertyModel stampProperty = target.property(ConsistencyRules.STAMP);
      Set<Ref> present = lookups.computeIfAbsent(subscription, s -> new HashMap<>())
          .computeIfAbsent(entitySet + "." + property, p -> {
            int position = target.property(property).index();
            Set<Ref> values = new HashSet<>();
            for (EntityRecord record : store.list(subscription, entitySet)) {
              values.add(new Ref(record.value(position),
                  stampProperty == null ? null : record.value(stampProperty.index())));
              values.add(new Ref(record.value(position), null));
            }
            return values;
          });
      return present.contains(new Ref(value, stampProperty == null ? null : stamp));
    }
  }

  /** The violations found, each naming the subscription, the entity set, the entity's key and the rule. */
  public final class Violations {

    private final List<String> found = new ArrayList<>();

    public void add(String subscription, String entitySet, EntityRecord entity, String rule) {
      EntityTypeModel type = model.byEntitySet(entitySet);
      found.add("subscription " + subscription + ", " + entitySet + KeyPredicate.of(type, entity::value) + ": " + rule);
    }
  }
}
