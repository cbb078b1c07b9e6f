package dev.spfemu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Typed fields: resolved once, checked against the model when the domain is wired. */
class FieldTest {

  private final EntityTypeModel jobs = ModelLoader.loadDefault().byEntitySet("Jobs");

  @Test
  void aFieldReadsAndWritesItsPosition() {
    Field<UUID> id = Field.guid(jobs, "ID");
    Object[] values = new Object[jobs.propertyCount()];
    UUID value = UUID.randomUUID();
    id.set(values, value);
    assertEquals(value, values[jobs.property("ID").index()]);
    assertEquals(value, id.get(values));
    assertEquals(value, id.get(i -> values[i]));
    assertEquals(jobs.property("ID").index(), id.index());
    assertEquals("ID", id.toString());
  }

  @Test
  void aBooleanIsTrueOnlyWhenItIsTrue() {
    Field<Boolean> completed = Field.bool(jobs, "IsCompleted");
    Object[] values = new Object[jobs.propertyCount()];
    assertFalse(completed.isTrue(values), "null is not true");
    completed.set(values, false);
    assertFalse(completed.isTrue(values));
    completed.set(values, true);
    assertTrue(completed.isTrue(values));
  }

  @Test
  void aMissingPropertyFailsWhenTheFieldIsMade() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Field.string(jobs, "Nope"));
    assertEquals("Job has no property Nope", refused.getMessage());
  }

  @Test
  void aPropertyOfAnotherTypeFailsWhenTheFieldIsMade() {
    assertThrows(IllegalStateException.class, () -> Field.guid(jobs, "Name"));
    assertThrows(IllegalStateException.class, () -> Field.int32(jobs, "Name"));
    assertThrows(IllegalStateException.class, () -> Field.string(jobs, "ErrorInfo"));
    assertThrows(IllegalStateException.class, () -> Field.complex(jobs, "Name"));
    assertEquals("ErrorInfo", Field.complex(jobs, "ErrorInfo").property().name());
    assertNull(Field.dateTime(jobs, "EndTime").get(new Object[jobs.propertyCount()]));
  }

  @Test
  void int64AndByteFieldsNeedThoseEdmTypes() {
    ServiceModel model = ModelLoader.loadDefault();
    EntityTypeModel disks = model.byEntitySet("VirtualHardDisks");
    EntityTypeModel drives = model.byEntitySet("VirtualDiskDrives");
    Field<Long> maximum = Field.int64(disks, "MaximumSize");
    Object[] values = new Object[disks.propertyCount()];
    maximum.set(values, 42L << 30);
    assertEquals(42L << 30, maximum.get(values));
    Field<Integer> bus = Field.unsignedByte(drives, "Bus");
    Object[] drive = new Object[drives.propertyCount()];
    bus.set(drive, 1);
    assertEquals(1, bus.get(drive));
    assertThrows(IllegalStateException.class, () -> Field.int64(disks, "Name"));
    assertThrows(IllegalStateException.class, () -> Field.unsignedByte(drives, "Size"), "an Int64 is no Byte");
    assertThrows(IllegalStateException.class, () -> Field.int32(drives, "Bus"), "a Byte is no Int32");
  }
}
