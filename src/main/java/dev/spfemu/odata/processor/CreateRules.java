package dev.spfemu.odata.processor;

import dev.spfemu.odata.edm.EntityTypeModel;
import java.time.OffsetDateTime;

/**
 * What the server fills in when an entity of one type is created, beyond the generic rules (a
 * fresh ID, required properties). One implementation per type with such rules.
 */
interface CreateRules {

  /** No rules beyond the generic ones. */
  CreateRules NONE = (values, now) -> { };

  /** The rules of {@code type}'s entities. */
  static CreateRules forType(EntityTypeModel type) {
    switch (type.name()) {
      case "VMCheckPoint":
        return new CheckpointCreateRules(type);
      default:
        return NONE;
    }
  }

  /**
   * Sets server-assigned values in {@code values} (model order), in place.
   *
   * @param now the creation time, from the emulator's clock
   */
  void apply(Object[] values, OffsetDateTime now);
}
