package dev.spfemu.vmm.entity;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;

/**
 * Drops the values of a type's write-only properties (passwords, product keys) before anything is
 * stored. Real SPF hands them to the VMM cmdlet and never returns them; an emulator that does not
 * keep them cannot leak them through any format, {@code $select}, {@code $batch}, the 201 of a
 * create or the state export.
 */
public final class WriteOnlyValues {

  private WriteOnlyValues() {
  }

  /** Sets every secret of {@code type} in {@code values} (model order) to null, in place. */
  public static void drop(EntityTypeModel type, Object[] values) {
    for (PropertyModel secret : type.secrets()) {
      values[secret.index()] = null;
    }
  }
}
