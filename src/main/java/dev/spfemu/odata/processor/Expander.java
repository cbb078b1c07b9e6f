package dev.spfemu.odata.processor;

import dev.spfemu.format.RelatedEntities;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.odata.query.CollectionQuery;
import dev.spfemu.vmm.Navigation;
import dev.spfemu.vmm.OwnedEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The related entities the writers ask for when they write an expanded navigation property, found by
 * the domain ({@link Navigation}: one look-up per entity) and written in key order, as every
 * collection is. The entities the writers get, from a page or from here, are {@link OwnedEntity}s,
 * so each knows the subscription its own related entities are in, on SPF's all-subscriptions root
 * too. One per pipeline: it keeps nothing of a request.
 */
final class Expander implements RelatedEntities {

  private final Navigation navigation;
  /** Key order of each navigation target, built once. */
  private final Map<EntityTypeModel, CollectionQuery> keyOrder = new HashMap<>();

  Expander(ServiceModel model, Navigation navigation) {
    this.navigation = navigation;
    for (EntityTypeModel type : model.entityTypes()) {
      for (NavigationModel nav : type.navigation()) {
        keyOrder.computeIfAbsent(nav.target(), target -> CollectionQuery.builder(target).build());
      }
    }
  }

  @Override
  public List<? extends EntityValues> of(EntityValues entity, NavigationModel nav) {
    if (!(entity instanceof OwnedEntity source)) {
      throw new IllegalStateException("expanded entities come from the domain, with their subscription: " + entity);
    }
    List<OwnedEntity> related = navigation.related(source, nav);
    return related.size() < 2 ? related : keyOrder.get(nav.target()).apply(related).page();
  }
}
