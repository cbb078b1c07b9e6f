package dev.spfemu.odata.processor;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.store.EntityKey;
import java.util.List;

/**
 * The navigation segments of a resource path, as parsed: the entity it starts from
 * ({@code VirtualMachines(ID=…,StampId=…)}) and the navigation properties followed from it, each
 * with the key that picks one of a to-many navigation's entities when the path names one
 * ({@code …/VirtualNetworkAdapters(ID=…,StampId=…)}).
 *
 * @param start the type of the entity set the path starts in
 * @param startKey the key of the entity the path starts from
 * @param steps the navigation properties followed, at least one
 */
record NavigationPath(EntityTypeModel start, EntityKey startKey, List<Step> steps) {

  NavigationPath {
    steps = List.copyOf(steps);
  }

  /**
   * One navigation segment.
   *
   * @param navigation the navigation property
   * @param key the key after it, or null
   */
  record Step(NavigationModel navigation, EntityKey key) {
  }

  /** The last navigation property followed. */
  NavigationModel last() {
    return steps.get(steps.size() - 1).navigation();
  }
}
