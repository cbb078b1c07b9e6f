package dev.spfemu.vmm.spfadmin;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.PropertyModel;

/** Request payloads as the Admin service's behaviour adjusts them before they are stored. */
final class Payloads {

  private Payloads() {
  }

  /** {@code payload} with {@code property} set to {@code value}, sent or not. */
  static EntityPayload with(EntityPayload payload, PropertyModel property, Object value) {
    EntityPayload changed = new EntityPayload(payload.type());
    for (PropertyModel each : payload.type().properties()) {
      if (each == property) {
        changed.put(each, value);
      } else if (payload.isPresent(each)) {
        changed.put(each, payload.value(each));
      }
    }
    return changed;
  }
}
