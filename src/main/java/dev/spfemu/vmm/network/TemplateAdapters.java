package dev.spfemu.vmm.network;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A VM template's network adapters: the adapters whose {@code TemplateId} is the template's (on its
 * stamp), as the template's {@code VirtualNetworkAdapters} navigation finds them, in slot order. They
 * are the default adapters of a VM made from the template. Found through a store index (the one
 * navigation declares), not by scanning every adapter.
 */
final class TemplateAdapters {

  private final EntityStore store;
  private final SecondaryIndex byTemplate;
  private final Field<Integer> slot;

  TemplateAdapters(EntityStore store, EntityTypeModel adapter) {
    this.store = store;
    this.byTemplate = store.index(adapter.entitySet(), Field.guid(adapter, "TemplateId").index(),
        Field.guid(adapter, "StampId").index());
    this.slot = Field.int32(adapter, "SlotId");
  }

  /** The adapters of the template {@code template} on {@code stamp}, by {@code SlotId}; none if either is null. */
  List<EntityRecord> of(String subscription, UUID template, UUID stamp) {
    if (template == null || stamp == null) {
      return List.of();
    }
    List<EntityRecord> adapters = new ArrayList<>(store.findBy(subscription, byTemplate, EntityKey.of(template, stamp)));
    adapters.sort(Comparator.comparing((EntityRecord a) -> {
      Integer value = slot.get(a::value);
      return value == null ? Integer.MAX_VALUE : value;
    }).thenComparing(a -> a.key().toString()));
    return adapters;
  }
}
