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
  void byteAndInt64PropertiesHaveTheirOwnFields() {
    EntityTypeModel vms = ModelLoader.loadDefault().byEntitySet("VirtualMachines");
    Object[] values = new Object[vms.propertyCount()];
    Field.byteValue(vms, "CPUCount").set(values, 4);
    Field.int64(vms, "TotalSize").set(values, 1L << 40);
    assertEquals(4, Field.byteValue(vms, "CPUCount").get(values));
    assertEquals(1L << 40, Field.int64(vms, "TotalSize").get(values));
    assertThrows(IllegalStateException.class, () -> Field.int64(vms, "Memory"), "an Edm.Int32");
    assertThrows(IllegalStateException.class, () -> Field.byteValue(vms, "Memory"));
  }
}
