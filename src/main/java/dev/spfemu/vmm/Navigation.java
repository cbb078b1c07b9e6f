package dev.spfemu.vmm;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the entities a navigation property leads to (a VM's network adapters, its cloud), in the
 * subscription of the entity it starts from. SPF keeps relations in foreign-key properties
 * ({@link NavigationModel}), so a to-one navigation by the target's key is one key look-up, and every
 * other one is one look-up in a secondary index the store keeps on the target's foreign keys: an
 * {@code $expand} of a thousand VMs with their adapters costs a thousand look-ups, not a thousand
 * scans of the adapters. Only the indexes navigation needs are declared, once, when the domain is
 * built.
 */
public final class Navigation {

  private final EntityStore store;
  /** The index each navigation property that is not found by the target's key uses. */
  private final Map<NavigationModel, SecondaryIndex> indexes = new IdentityHashMap<>();

  /** The navigation of {@code model} over {@code store}; made before anything is stored, as it declares indexes. */
  public static Navigation of(ServiceModel model, EntityStore store) {
    return new Navigation(model, store);
  }

  Navigation(ServiceModel model, EntityStore store) {
    this.store = store;
    for (EntityTypeModel type : model.entityTypes()) {
      for (NavigationModel navigation : type.navigation()) {
        if (!navigation.byTargetKey()) {
          indexes.put(navigation, store.index(navigation.target().entitySet(), positions(navigation.to())));
        }
      }
    }
  }

  private static int[] positions(List<PropertyModel> properties) {
    int[] positions = new int[properties.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = properties.get(i).index();
    }
    return positions;
  }

  /**
   * The entities {@code navigation} leads to from {@code source}, in no particular order: at most
   * one for a to-one navigation, none when a foreign key is null.
   */
  public List<OwnedEntity> related(OwnedEntity source, NavigationModel navigation) {
    EntityKey values = fromValues(source, navigation);
    if (values == null) {
      return List.of();
    }
    String subscription = source.subscription();
    String targetSet = navigation.target().entitySet();
    if (navigation.byTargetKey()) {
      return store.find(subscription, targetSet, values).map(found -> List.of(new OwnedEntity(subscription, found)))
          .orElse(List.of());
    }
    List<EntityRecord> found = store.findBy(subscription, indexes.get(navigation), values);
    List<OwnedEntity> related = new ArrayList<>(navigation.many() ? found.size() : Math.min(1, found.size()));
    for (EntityRecord record : found) {
      related.add(new OwnedEntity(subscription, record));
      if (!navigation.many()) {
        break;
      }
    }
    return related;
  }

  /**
   * The entity with {@code key} among those {@code navigation} leads to from {@code source}
   * ({@code VirtualMachines(…)/VirtualNetworkAdapters(…)}), or null: one key look-up.
   */
  public OwnedEntity related(OwnedEntity source, NavigationModel navigation, EntityKey key) {
    return store.find(source.subscription(), navigation.target().entitySet(), key)
        .filter(candidate -> navigation.relates(source, candidate::value))
        .map(found -> new OwnedEntity(source.subscription(), found))
        .orElse(null);
  }

  /** The source's values of the navigation's foreign key, or null when one of them is null. */
  private static EntityKey fromValues(EntityValues source, NavigationModel navigation) {
    List<PropertyModel> from = navigation.from();
    Object[] values = new Object[from.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = source.value(from.get(i).index());
      if (values[i] == null) {
        return null;
      }
    }
    return EntityKey.of(values);
  }
}
