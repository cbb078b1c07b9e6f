package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.KeyPredicate;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.vmm.Navigation;
import dev.spfemu.vmm.OwnedEntity;
import dev.spfemu.vmm.ServiceDomain;
import java.util.List;

/**
 * Follows a request's navigation segments through the domain: from the entity the path starts at,
 * each navigation property in turn, to one entity or to a collection (a to-many navigation without a
 * key, which can only be last). A segment that leads nowhere is 404, as WCF Data Services answers a
 * null navigation property or a key that names no related entity.
 */
final class NavigationResolver {

  private final ServiceDomain vmm;
  private final Navigation navigation;

  NavigationResolver(ServiceDomain vmm) {
    this.vmm = vmm;
    this.navigation = vmm.navigation();
  }

  /**
   * Where a path led.
   *
   * @param entity the entity it leads to, or null when it leads to a collection
   * @param collection the entities of the collection it leads to, else null
   * @param path the canonical path under the service root ({@code VirtualMachines(…)/VirtualNetworkAdapters}),
   *     the base of next links and of an Atom feed's id
   */
  record Resolved(OwnedEntity entity, List<OwnedEntity> collection, String path) {
  }

  /** Follows the target's navigation path in {@code subscription} (the one that holds its start). */
  Resolved resolve(String subscription, ResourceTarget target) {
    NavigationPath path = target.navigation();
    EntityTypeModel start = path.start();
    OwnedEntity current = new OwnedEntity(subscription,
        vmm.set(start.entitySet()).read(subscription, path.startKey()));
    StringBuilder canonical = new StringBuilder(ServiceUrls.entityPath(start, current));
    for (NavigationPath.Step step : path.steps()) {
      NavigationModel nav = step.navigation();
      canonical.append('/').append(nav.name());
      if (nav.many() && step.key() == null) {
        return new Resolved(null, navigation.related(current, nav), canonical.toString());
      }
      OwnedEntity next;
      if (nav.many()) {
        next = navigation.related(current, nav, step.key());
      } else {
        List<OwnedEntity> related = navigation.related(current, nav);
        next = related.isEmpty() ? null : related.get(0);
      }
      if (next == null) {
        throw VmmErrors.navigationTargetNotFound(nav.name());
      }
      if (nav.many()) {
        canonical.append(KeyPredicate.of(nav.target(), next));
      }
      current = next;
    }
    return new Resolved(current, null, canonical.toString());
  }
}
