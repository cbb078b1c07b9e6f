package dev.spfemu.vmm;

import dev.spfemu.model.EntityValues;
import dev.spfemu.store.EntityRecord;

/**
 * A stored entity with the subscription that holds it. Related entities are in the same
 * subscription as the entity they are related to, so on SPF's all-subscriptions root, where a
 * collection mixes subscriptions, each entity has to carry its own.
 *
 * @param subscription the subscription that holds the entity
 * @param record the entity
 */
public record OwnedEntity(String subscription, EntityRecord record) implements EntityValues {

  @Override
  public Object value(int index) {
    return record.value(index);
  }
}
