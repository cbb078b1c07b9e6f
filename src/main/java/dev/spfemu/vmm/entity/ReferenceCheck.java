package dev.spfemu.vmm.entity;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ReferenceModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import java.util.List;

/**
 * The references of one type (a checkpoint's {@code VMId}) as the model declares them: a new entity
 * must name an entity that exists in its subscription, on its stamp. Looked up by key where the
 * reference is the target's ID, so the common case costs one map lookup.
 */
final class ReferenceCheck {

  private static final String STAMP = "StampId";

  private final ServiceModel model;
  private final EntityTypeModel type;
  private final EntityStore store;

  ReferenceCheck(ServiceModel model, EntityTypeModel type, EntityStore store) {
    this.model = model;
    this.type = type;
    this.store = store;
  }

  /** Refuses an entity whose references (a checkpoint's VMId) name nothing in its subscription and stamp. */
  void check(String subscription, Object[] values) {
    PropertyModel stampProperty = type.property(STAMP);
    Object stamp = stampProperty == null ? null : values[stampProperty.index()];
    for (ReferenceModel reference : type.references()) {
      Object value = values[reference.property().index()];
      if (value != null && !exists(subscription, reference, value, stamp) && !lenient(subscription, reference)) {
        throw VmmErrors.referenceNotFound(reference.property().name(), value, reference.entitySet(), stamp);
      }
    }
  }

  /**
   * Whether the subscription accepts any value because it holds nothing of the referenced set (a VM's
   * CloudId in a fresh subscription: tenants cannot create clouds). Asked only once the value was
   * not found, so a known reference costs no listing.
   */
  private boolean lenient(String subscription, ReferenceModel reference) {
    return reference.lenientWhenNone() && store.list(subscription, reference.entitySet()).isEmpty();
  }

  /** Whether an entity of the referenced set has {@code value} in one of the matching properties (same stamp). */
  private boolean exists(String subscription, ReferenceModel reference, Object value, Object stamp) {
    EntityTypeModel target = model.byEntitySet(reference.entitySet());
    List<PropertyModel> keys = target.keys();
    for (String name : reference.matchedBy()) {
      PropertyModel matched = target.property(name);
      boolean keyLookup = keys.size() == 2 && keys.get(0) == matched && keys.get(1).name().equals(STAMP);
      if (keyLookup && stamp != null) {
        if (store.find(subscription, target.entitySet(), EntityKey.of(value, stamp)).isPresent()) {
          return true;
        }
        continue;
      }
      PropertyModel targetStamp = target.property(STAMP);
      for (EntityRecord candidate : store.list(subscription, target.entitySet())) {
        if (value.equals(candidate.value(matched.index()))
            && (stamp == null || targetStamp == null || stamp.equals(candidate.value(targetStamp.index())))) {
          return true;
        }
      }
    }
    return false;
  }

}
