package dev.spfemu.odata.processor;

import dev.spfemu.odata.edm.EntityTypeModel;
import java.time.OffsetDateTime;

/**
 * Real SPF's answer to the seed's create: {@code Accessibility} is always "Public" (documented as
 * unused), {@code AddedTime} and {@code ModifiedTime} are the creation time, and a null
 * {@code Enabled} / {@code Description} become true / "". Everything else is kept as sent.
 */
final class CheckpointCreateRules implements CreateRules {

  private final int accessibility;
  private final int addedTime;
  private final int modifiedTime;
  private final int enabled;
  private final int description;

  CheckpointCreateRules(EntityTypeModel type) {
    this.accessibility = type.property("Accessibility").index();
    this.addedTime = type.property("AddedTime").index();
    this.modifiedTime = type.property("ModifiedTime").index();
    this.enabled = type.property("Enabled").index();
    this.description = type.property("Description").index();
  }

  @Override
  public void apply(Object[] values, OffsetDateTime now) {
    values[accessibility] = "Public";
    values[addedTime] = now;
    values[modifiedTime] = now;
    if (values[enabled] == null) {
      values[enabled] = Boolean.TRUE;
    }
    if (values[description] == null) {
      values[description] = "";
    }
  }
}
