package dev.spfemu.vmm.entity;

import java.time.OffsetDateTime;

/**
 * What the server does to an entity of one type beyond the generic rules (fresh ID, required and
 * key properties, server-managed properties ignored on update). One implementation per type with
 * such rules; {@code Vmm} says which type has which.
 */
public interface EntityRules {

  /** No rules beyond the generic ones. */
  EntityRules NONE = new EntityRules() { };

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
