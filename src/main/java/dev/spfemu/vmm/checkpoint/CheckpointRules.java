package dev.spfemu.vmm.checkpoint;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.vmm.entity.EntityRules;
import java.time.OffsetDateTime;

/**
 * Real SPF's answer to the seed's create: {@code Accessibility} is always "Public" (documented as
 * unused), {@code AddedTime} and {@code ModifiedTime} are the creation time, and a null
 * {@code Enabled} / {@code Description} become true / "". Everything else is kept as sent. On
 * every change {@code ModifiedTime} moves forward and {@code AddedTime} stays.
 */
public final class CheckpointRules implements EntityRules {

  /** The smallest step of an Edm.DateTime as .NET keeps it (one tick). */
  private static final long TICK_NANOS = 100;

  private final CheckpointFields fields;

  public CheckpointRules(EntityTypeModel type) {
    this.fields = new CheckpointFields(type);
  }

  @Override
  public void onCreate(Object[] values, OffsetDateTime now) {
    fields.accessibility.set(values, "Public");
    fields.addedTime.set(values, now);
    fields.modifiedTime.set(values, now);
    if (fields.enabled.get(values) == null) {
      fields.enabled.set(values, Boolean.TRUE);
    }
    if (fields.description.get(values) == null) {
      fields.description.set(values, "");
    }
  }

  @Override
  public void onUpdate(Object[] before, Object[] values, OffsetDateTime now) {
    OffsetDateTime previous = fields.modifiedTime.get(before);
    // Two changes within one clock tick must still give a later ModifiedTime.
    fields.modifiedTime.set(values, previous == null || now.isAfter(previous) ? now : previous.plusNanos(TICK_NANOS));
  }
}
