package dev.spfemu.odata.processor;

import dev.spfemu.odata.edm.EntityTypeModel;
import java.time.OffsetDateTime;

/**
 * What the server does to an entity of one type beyond the generic rules (fresh ID, required and
 * key properties, server-managed properties ignored on update). One implementation per type with
 * such rules.
 */
interface EntityRules {

  /** No rules beyond the generic ones. */
  EntityRules NONE = new EntityRules() { };

  /** The rules of {@code type}'s entities. */
  static EntityRules forType(EntityTypeModel type) {
    switch (type.name()) {
      case "VMCheckPoint":
        return new CheckpointRules(type);
      default:
        return NONE;
    }
  }

  /**
   * Sets server-assigned values of a new entity in {@code values} (model order), in place.
   *
   * @param now the creation time, from the emulator's clock
   */
  default void onCreate(Object[] values, OffsetDateTime now) {
  }

  /**
   * Sets server-assigned values of a changed entity in {@code values}, in place.
   *
   * @param before the values before the change
   * @param now the time of the change, from the emulator's clock
   */
  default void onUpdate(Object[] before, Object[] values, OffsetDateTime now) {
  }
}
