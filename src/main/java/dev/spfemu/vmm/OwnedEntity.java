package dev.spfemu.vmm;

import dev.spfemu.model.StoredValues;
import dev.spfemu.store.EntityRecord;

/**
 * A stored entity with the subscription that holds it. Related entities are in the same
 * subscription as the entity they are related to, so on SPF's all-subscriptions root, where a
 * collection mixes subscriptions, each entity has to carry its own.
 *
 * @param subscription the subscription that holds the entity
 * @param record the entity
 */
public record OwnedEntity(String subscription, EntityRecord record) implements StoredValues {

  @Override
  public Object value(int index) {
    return record.value(index);
  }

  @Override
  public boolean guid(int index, long[] bits) {
    return record.guid(index, bits);
  }

  @Override
  public boolean time(int index, long[] parts) {
    return record.time(index, parts);
  }

  @Override
  public int latin1(int index, char[] chars) {
    return record.latin1(index, chars);
  }
}
