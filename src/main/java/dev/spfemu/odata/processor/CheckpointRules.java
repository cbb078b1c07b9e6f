package dev.spfemu.odata.processor;

import dev.spfemu.odata.edm.EntityTypeModel;
import java.time.OffsetDateTime;

/**
 * Real SPF's answer to the seed's create: {@code Accessibility} is always "Public" (documented as
 * unused), {@code AddedTime} and {@code ModifiedTime} are the creation time, and a null
 * {@code Enabled} / {@code Description} become true / "". Everything else is kept as sent. On
 * every change {@code ModifiedTime} moves forward and {@code AddedTime} stays.
 */
final class CheckpointRules implements EntityRules {

  /** The smallest step of an Edm.DateTime as .NET keeps it (one tick). */
  private static final long TICK_NANOS = 100;

  private final int accessibility;
  private final int addedTime;
  private final int modifiedTime;
  private final int enabled;
  private final int description;

  CheckpointRules(EntityTypeModel type) {
    this.accessibility = type.property("Accessibility").index();
    this.addedTime = type.property("AddedTime").index();
    this.modifiedTime = type.property("ModifiedTime").index();
    this.enabled = type.property("Enabled").index();
    this.description = type.property("Description").index();
  }

  @Override
  public void onCreate(Object[] values, OffsetDateTime now) {
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

  @Override
  public void onUpdate(Object[] before, Object[] values, OffsetDateTime now) {
    OffsetDateTime previous = (OffsetDateTime) before[modifiedTime];
    // Two changes within one clock tick must still give a later ModifiedTime.
    values[modifiedTime] = previous == null || now.isAfter(previous) ? now : previous.plusNanos(TICK_NANOS);
  }
}
