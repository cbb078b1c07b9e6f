package dev.spfemu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PropertyModel's written-out equals and hashCode agree with a record's: every component counts. */
class PropertyModelTest {

  private static final ComplexTypeModel ROLE = new ComplexTypeModel("VMM", "UserAndRole",
      List.of(new PropertyModel("RoleID", EdmKind.GUID, true, 0)));

  @Test
  void equalComponentsMakeEqualPropertiesWithEqualHashes() {
    PropertyModel a = new PropertyModel("Owner", null, ROLE, false, true, 3);
    PropertyModel b = new PropertyModel("Owner", null, ROLE, false, true, 3);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(new PropertyModel("ID", EdmKind.GUID, false, 0), new PropertyModel("ID", EdmKind.GUID, false, 0));
  }

  @Test
  void anyDifferingComponentMakesThemDiffer() {
    PropertyModel base = new PropertyModel("Name", EdmKind.STRING, null, false, true, 2);
    assertNotEquals(base, new PropertyModel("Label", EdmKind.STRING, null, false, true, 2));
    assertNotEquals(base, new PropertyModel("Name", EdmKind.GUID, null, false, true, 2));
    assertNotEquals(base, new PropertyModel("Name", EdmKind.STRING, ROLE, false, true, 2));
    assertNotEquals(base, new PropertyModel("Name", EdmKind.STRING, null, true, true, 2));
    assertNotEquals(base, new PropertyModel("Name", EdmKind.STRING, null, false, false, 2));
    assertNotEquals(base, new PropertyModel("Name", EdmKind.STRING, null, false, true, 5));
    assertNotEquals(base, null);
    assertNotEquals(base, "Name");
  }
}
